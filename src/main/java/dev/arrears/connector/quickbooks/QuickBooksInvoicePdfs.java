package dev.arrears.connector.quickbooks;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.email.LedgerInvoicePdfs;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import jakarta.enterprise.context.ApplicationScoped;

/** QuickBooks' PDF of an invoice: {@code GET /invoice/{id}/pdf}. */
@ApplicationScoped
public class QuickBooksInvoicePdfs implements LedgerInvoicePdfs {

    private final QboClient client;

    QuickBooksInvoicePdfs(QboClient client) {
        this.client = client;
    }

    @Override
    public LedgerProvider provider() {
        return LedgerProvider.QUICKBOOKS;
    }

    @Override
    public Fetch fetch(OrganisationId organisation, InvoiceSnapshot invoice, int maxBytes) {
        byte[] body;
        try {
            body = client.getBytes(client.open(organisation), "invoice/" + invoice.invoiceId() + "/pdf", "application/pdf");
        } catch (QboProblem problem) {
            return new Unavailable("QuickBooks could not be asked for the PDF: " + problem.failure().reason());
        }
        return LedgerInvoicePdfs.judged(body, maxBytes, "QuickBooks");
    }
}
