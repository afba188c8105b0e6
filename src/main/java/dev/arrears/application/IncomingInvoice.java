package dev.arrears.application;

import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.time.Instant;
import java.util.Objects;

/**
 * One invoice as a sync page delivered it: the parsed snapshot, what the ledger actually sent, and
 * the ledger's own "last updated" stamp, which decides whether this copy is newer than the stored one.
 *
 * @param rawPayload the provider's JSON for this invoice; kept for support and re-parsing
 */
public record IncomingInvoice(InvoiceSnapshot snapshot, String rawPayload, Instant providerUpdatedAt) {

    public IncomingInvoice {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(rawPayload, "rawPayload");
        Objects.requireNonNull(providerUpdatedAt, "providerUpdatedAt");
    }
}
