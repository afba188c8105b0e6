package dev.arrears.application;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a sync, stored in one short transaction: the invoices, the records that could not be
 * read, and (when given) the cursor to advance to. The cursor is written in the same transaction, so
 * it never moves past a record that is not stored.
 */
public record SyncPage(OrganisationId organisationId, List<IncomingInvoice> invoices,
                          List<QuarantinedRecord> quarantined, Optional<SyncCursor> advanceCursorTo) {

    public SyncPage {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(advanceCursorTo, "advanceCursorTo");
        invoices = List.copyOf(invoices);
        quarantined = List.copyOf(quarantined);
        for (IncomingInvoice invoice : invoices) {
            if (!invoice.snapshot().organisationId().equals(organisationId.toString())) {
                throw new IllegalArgumentException("invoice " + invoice.snapshot().invoiceId() + " belongs to organisation "
                        + invoice.snapshot().organisationId() + ", not to " + organisationId);
            }
        }
    }

    public static SyncPage of(OrganisationId organisationId, List<IncomingInvoice> invoices) {
        return new SyncPage(organisationId, invoices, List.of(), Optional.empty());
    }
}
