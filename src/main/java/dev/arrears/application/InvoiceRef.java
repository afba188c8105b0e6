package dev.arrears.application;

import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.util.Objects;

/**
 * Names one invoice the way the rest of the system knows it: our organisation and the ledger's own
 * invoice id (Xero InvoiceID, QuickBooks Id). The table's surrogate key never leaves persistence.
 */
public record InvoiceRef(OrganisationId organisationId, String providerInvoiceId) {

    public InvoiceRef {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(providerInvoiceId, "providerInvoiceId");
        if (providerInvoiceId.isBlank()) {
            throw new IllegalArgumentException("a provider invoice id cannot be blank");
        }
    }

    public static InvoiceRef of(InvoiceSnapshot snapshot) {
        return new InvoiceRef(OrganisationId.parse(snapshot.organisationId()), snapshot.invoiceId());
    }

    @Override
    public String toString() {
        return organisationId + "/" + providerInvoiceId;
    }
}
