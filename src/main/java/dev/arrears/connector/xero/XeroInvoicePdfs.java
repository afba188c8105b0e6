package dev.arrears.connector.xero;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.email.LedgerInvoicePdfs;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Xero's PDF of an invoice: {@code GET /Invoices/{id}} with {@code Accept: application/pdf}. */
@ApplicationScoped
public class XeroInvoicePdfs implements LedgerInvoicePdfs {

    private final XeroClient api;

    XeroInvoicePdfs(XeroClient api) {
        this.api = api;
    }

    @Override
    public LedgerProvider provider() {
        return LedgerProvider.XERO;
    }

    @Override
    public Fetch fetch(OrganisationId organisation, InvoiceSnapshot invoice, int maxBytes) {
        XeroClient.Result result = api.call(organisation, XeroClient.Call.get("/Invoices/" + invoice.invoiceId(), Map.of())
                .withHeader("Accept", "application/pdf"), new CallCount());
        return switch (result) {
            case XeroClient.Ok ok -> LedgerInvoicePdfs.judged(ok.raw(), maxBytes, "Xero");
            case XeroClient.NotFound none -> new Unavailable("Xero has no PDF of the invoice (" + none.detail() + ")");
            case XeroClient.Failed failed -> new Unavailable("Xero could not be asked for the PDF: " + failed.failure().reason());
            case XeroClient.InDoubt doubt -> new Unavailable("no answer from Xero: " + doubt.reason());
        };
    }
}
