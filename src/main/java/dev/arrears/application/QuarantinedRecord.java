package dev.arrears.application;

import java.util.Objects;

/**
 * A record from the ledger that could not be turned into an invoice snapshot. It is stored with the
 * reason so a person can see it; the rest of its page is stored as usual.
 *
 * @param rawPayload what the ledger sent; need not even be valid JSON
 */
public record QuarantinedRecord(String providerInvoiceId, String reason, String rawPayload) {

    public QuarantinedRecord {
        Objects.requireNonNull(providerInvoiceId, "providerInvoiceId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rawPayload, "rawPayload");
        if (providerInvoiceId.isBlank()) {
            throw new IllegalArgumentException("a quarantined record needs the provider's invoice id");
        }
    }
}
