package dev.arrears.persistence;

import dev.arrears.application.IncomingInvoice;
import dev.arrears.application.SyncPage;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.invoice.PaymentApplied;
import dev.arrears.domain.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Test data. Every test makes its own organisation, so tests never see each other's rows. */
final class Fixtures {

    static final Instant UPDATED = Instant.parse("2025-03-01T12:00:00Z");

    private Fixtures() {
    }

    static OrganisationId organisation(OrganisationStore organisations) {
        return organisations.create(new NewOrganisation("Acme Ltd", LedgerProvider.XERO, ZoneId.of("Europe/London"), "GB",
                Money.currency("GBP"), "default")).id();
    }

    static InvoiceSnapshot invoice(OrganisationId org, String id, String amount, String currency) {
        return invoice(org, id, "CUST-1", amount, currency, InvoiceStatus.OPEN);
    }

    static InvoiceSnapshot invoice(OrganisationId org, String id, String customer, String amount, String currency,
                                   InvoiceStatus status) {
        return new InvoiceSnapshot(org.toString(), id, "INV-" + id, customer, "Customer " + customer,
                LocalDate.of(2025, 1, 15), Optional.of(LocalDate.of(2025, 2, 14)), Money.of(amount, currency),
                Money.of(amount, currency), status, List.of(), false);
    }

    static IncomingInvoice incoming(InvoiceSnapshot snapshot) {
        return new IncomingInvoice(snapshot, "{\"InvoiceID\":\"" + snapshot.invoiceId() + "\"}", UPDATED);
    }

    /** Stores the invoice and returns its reference. */
    static InvoiceRef stored(InvoiceStore invoices, InvoiceSnapshot snapshot) {
        invoices.store(SyncPage.of(OrganisationId.parse(snapshot.organisationId()), List.of(incoming(snapshot))));
        return InvoiceRef.of(snapshot);
    }

    static PaymentApplied payment(String date, String amount, String currency) {
        return new PaymentApplied(LocalDate.parse(date), Money.of(amount, currency));
    }
}
