package dev.arrears.application;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What a person calls an invoice and a customer, for answers that would otherwise show only the
 * ledger's ids: the invoice's number and its customer's name, as last mirrored.
 */
public interface InvoiceNames {

    /** @param customerId empty when the ledger gave the invoice no customer */
    record Names(String number, String customerId, String customerName) {
    }

    /** The names of these invoices of the organisation; ids not in the mirror are left out. */
    Map<String, Names> of(OrganisationId organisation, Collection<String> providerInvoiceIds);

    /** The customer's name as on its most recently mirrored invoice. */
    Optional<String> customerName(OrganisationId organisation, String customerId);
}
