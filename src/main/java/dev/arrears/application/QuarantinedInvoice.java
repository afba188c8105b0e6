package dev.arrears.application;

import java.time.Instant;

/** A stored invoice whose last record could not be used, as shown to a person. */
public record QuarantinedInvoice(InvoiceRef invoice, String reason, String rawPayload, Instant quarantinedAt) {
}
