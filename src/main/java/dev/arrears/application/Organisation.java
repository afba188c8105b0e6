package dev.arrears.application;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * One ledger company (a Xero organisation or a QuickBooks company) that Arrears follows up for.
 *
 * @param timeZone          the zone in which "today" and "overdue" are worked out
 * @param country           ISO 3166-1 alpha-2
 * @param policyId          the policy its invoices are chased under
 * @param lastCycleOutcome  a short word for how the last cycle ended, for the console
 * @param lastCycleError    what went wrong in the last cycle, if anything
 */
public record Organisation(OrganisationId id, String displayName, LedgerProvider provider, ZoneId timeZone,
                           String country, Currency baseCurrency, String policyId, OrganisationMode mode,
                           Optional<Instant> lastCycleAt, Optional<String> lastCycleOutcome,
                           Optional<String> lastCycleError, Instant createdAt, Instant updatedAt) {

    public Organisation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(baseCurrency, "baseCurrency");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(lastCycleAt, "lastCycleAt");
        Objects.requireNonNull(lastCycleOutcome, "lastCycleOutcome");
        Objects.requireNonNull(lastCycleError, "lastCycleError");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
