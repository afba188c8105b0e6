package dev.arrears.application.ledger;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What reading an organisation's settings found.
 *
 * @param lateFeesBlockedBecause empty when late fees can be raised; otherwise why not (no fee item or
 *                               account chosen, the ledger's own late fees are active, ...)
 * @param ledgerChasesToo        true when the ledger's own reminders or late fees are switched on, so
 *                               that chasing from Arrears as well would contact customers twice
 * @param warnings               sentences for the accountant
 */
public record SettingsReport(Optional<String> lateFeesBlockedBecause, boolean ledgerChasesToo, List<String> warnings,
                             Optional<LedgerFailure> failure) {
    public SettingsReport {
        Objects.requireNonNull(lateFeesBlockedBecause, "lateFeesBlockedBecause");
        Objects.requireNonNull(failure, "failure");
        warnings = List.copyOf(warnings);
    }
}
