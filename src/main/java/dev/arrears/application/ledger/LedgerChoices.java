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
 * @param lateFeeTaxCode             the ledger tax code fee lines carry (QuickBooks: an id, or TAX/NON in the US);
 *                                   empty = the firm-wide setting decides
 * @param chargeBesideLedgerLateFees true to raise late fees even though the ledger's own late fees seem active
 */
public record LedgerChoices(Optional<ZoneId> timeZone, Optional<String> lateFeeItemId,
                            Optional<String> lateFeeIncomeAccountId, Optional<String> lateFeeTaxCode,
                            boolean chargeBesideLedgerLateFees) {

    public static final LedgerChoices NONE = new LedgerChoices(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), false);

    public LedgerChoices {
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(lateFeeItemId, "lateFeeItemId");
        Objects.requireNonNull(lateFeeIncomeAccountId, "lateFeeIncomeAccountId");
        lateFeeItemId = lateFeeItemId.map(String::trim).filter(s -> !s.isEmpty());
        lateFeeIncomeAccountId = lateFeeIncomeAccountId.map(String::trim).filter(s -> !s.isEmpty());
        lateFeeTaxCode = Objects.requireNonNull(lateFeeTaxCode, "lateFeeTaxCode").map(String::trim).filter(s -> !s.isEmpty());
    }
}
