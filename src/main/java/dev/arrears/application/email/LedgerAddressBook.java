package dev.arrears.application.email;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.domain.invoice.InvoiceSnapshot;

/**
 * Port: where a ledger keeps the addresses its invoice emails go to (Xero: the contact's
 * {@code EmailAddress} and its {@code ContactPersons} with {@code IncludeInEmails}; QuickBooks: the
 * invoice's {@code BillEmail}, {@code BillEmailCc} and {@code BillEmailBcc}). Read at send time,
 * outside any transaction, like the invoice itself.
 */
public interface LedgerAddressBook {

    LedgerProvider provider();

    AddressReading read(OrganisationId organisation, InvoiceSnapshot invoice);
}
