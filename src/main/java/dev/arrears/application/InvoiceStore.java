package dev.arrears.application;

import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.util.List;
import java.util.Optional;

/** The mirror of the ledgers' sales invoices. */
public interface InvoiceStore {

    /**
     * Stores one sync page in one short transaction. An invoice replaces the stored copy unless that
     * copy carries a later provider "updated at". A record that cannot be stored is quarantined
     * without failing the page. An invoice that arrives settled (paid, voided, deleted, nothing due)
     * has its pending outbox actions cancelled in the same transaction: payments win every race.
     */
    PageStored store(SyncPage page);

    /** The chaseable invoices of an organisation: status OPEN and not quarantined, by provider id. */
    List<InvoiceSnapshot> loadOpen(OrganisationId organisationId);

    /** One invoice; empty when unknown or quarantined (a quarantined invoice is never acted upon). */
    Optional<InvoiceSnapshot> load(InvoiceRef invoice);

    /** Quarantined invoices of an organisation, for a person to look at. */
    List<QuarantinedInvoice> quarantined(OrganisationId organisationId);
}
