package dev.arrears.application.ledger;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * What the last settings refresh read from a company's ledger (combined with the accountant's
 * choices). Storing it also updates the organisation's name, zone, country and currency.
 *
 * @param lateFeeItemId          the item fee lines use; empty when there is none yet
 * @param lateFeeItemCreated     true when Arrears created that item itself
 * @param ledgerLateFeesDetected the ledger's own automatic late fees seem to be in use
 * @param lateFeesBlockedBecause empty when late fees can be raised
 */
public record LedgerFacts(String displayName, ZoneId timeZone, String country, Currency baseCurrency,
                          boolean multiCurrency, boolean ledgerLateFeesDetected, Optional<String> lateFeeItemId,
                          boolean lateFeeItemCreated, Optional<String> lateFeesBlockedBecause, Instant readAt) {

    public LedgerFacts {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(baseCurrency, "baseCurrency");
        Objects.requireNonNull(lateFeeItemId, "lateFeeItemId");
        Objects.requireNonNull(lateFeesBlockedBecause, "lateFeesBlockedBecause");
        Objects.requireNonNull(readAt, "readAt");
    }
}
