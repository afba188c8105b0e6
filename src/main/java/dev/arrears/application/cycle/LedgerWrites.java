package dev.arrears.application.cycle;

import dev.arrears.application.ledger.LedgerWrite;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.util.Optional;

/** Turns an outbox action into the write the ledger gets, on the invoice as just re-read. */
final class LedgerWrites {

    private LedgerWrites() {
    }

    /** Empty for actions that are not ledger writes (flags for a person). */
    static Optional<LedgerWrite> of(PlannedAction action, InvoiceSnapshot invoice) {
        return switch (action) {
            case PlannedAction.SendReminder r -> Optional.of(new LedgerWrite.Reminder(r.key(), invoice, r.stage(), r.template(),
                    "Arrears: '" + r.stage() + "' reminder sent (template '" + r.template() + "'). Ref " + r.key(),
                    Optional.empty()));
            case PlannedAction.AddNote n -> Optional.of(new LedgerWrite.Note(n.key(), invoice, n.stage(), n.text()));
            case PlannedAction.ChargeLateFee f -> Optional.of(new LedgerWrite.LateFee(f.key(), invoice, f.stage(), f.fee()));
            case PlannedAction.FlagForPerson p -> Optional.empty();
        };
    }

    static String describe(PlannedAction action) {
        return switch (action) {
            case PlannedAction.SendReminder r -> "reminder '" + r.template() + "' for stage '" + r.stage() + "'";
            case PlannedAction.AddNote n -> "note for stage '" + n.stage() + "'";
            case PlannedAction.ChargeLateFee f -> "late fee of " + f.fee().amount() + " (rule '" + f.fee().ruleId()
                    + "', period " + f.fee().period() + ")";
            case PlannedAction.FlagForPerson p -> "flag for a person: " + p.reason();
        };
    }
}
