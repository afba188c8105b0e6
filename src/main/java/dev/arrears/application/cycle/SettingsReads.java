package dev.arrears.application.cycle;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.application.ledger.SettingsReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a read of an organisation's ledger settings leaves behind, whoever asked for it (the daily
 * cycle step, a registration, an accountant's choice of late-fee account): the time it was read, so
 * the cycle's daily read counts from it instead of reading again minutes later, and the accountant's
 * warnings in the audit trail. A failed read is not counted as a read: the next cycle tries again.
 */
public final class SettingsReads {

    private final CycleBook book;
    private final AuditTrail audit;

    public SettingsReads(CycleBook book, AuditTrail audit) {
        this.book = Objects.requireNonNull(book, "book");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /**
     * @param replica the replica that read them; a read by one that lost the organisation's lease
     *                meanwhile is not counted (the new holder's record is left alone)
     */
    public void noted(OrganisationId organisation, SettingsReport report, Instant at, ReplicaId replica) {
        Optional<LedgerFailure> failure = report.failure();
        if (failure.isEmpty()) {
            book.stepDone(organisation, CycleStep.SETTINGS, at, replica.value());
        }
        List<String> warnings = new ArrayList<>(report.warnings());
        failure.ifPresent(f -> warnings.add("the settings could not be read: " + f.reason()));
        report.lateFeesBlockedBecause().ifPresent(why -> warnings.add("late fees cannot be raised: " + why));
        if (report.ledgerChasesToo()) {
            warnings.add("the ledger's own reminders or late fees are on: customers would be chased twice");
        }
        if (!warnings.isEmpty()) {
            audit.append(AuditEvent.forOrganisation(organisation, AuditKind.LEDGER_SETTINGS_WARNING,
                    Map.of("warnings", warnings), String.join("; ", warnings)));
        }
    }
}
