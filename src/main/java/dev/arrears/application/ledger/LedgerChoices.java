package dev.arrears.application.ledger;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * What the accountant chose for one connected company, where the ledger cannot tell Arrears.
 *
 * @param timeZone                   the company's zone, when the ledger does not give it (or gives a wrong one)
 * @param lateFeeItemId              the ledger item fee lines use, when the accountant picked one
 * @param lateFeeIncomeAccountId     the income account for an item Arrears creates itself, when none was picked
 * @param chargeBesideLedgerLateFees true to raise late fees even though the ledger's own late fees seem active
 */
public record LedgerChoices(Optional<ZoneId> timeZone, Optional<String> lateFeeItemId,
                            Optional<String> lateFeeIncomeAccountId, boolean chargeBesideLedgerLateFees) {

    public static final LedgerChoices NONE = new LedgerChoices(Optional.empty(), Optional.empty(), Optional.empty(), false);

    public LedgerChoices {
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(lateFeeItemId, "lateFeeItemId");
        Objects.requireNonNull(lateFeeIncomeAccountId, "lateFeeIncomeAccountId");
        lateFeeItemId = lateFeeItemId.map(String::trim).filter(s -> !s.isEmpty());
        lateFeeIncomeAccountId = lateFeeIncomeAccountId.map(String::trim).filter(s -> !s.isEmpty());
    }
}
