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

    private final XeroApi api;

    XeroInvoicePdfs(XeroApi api) {
        this.api = api;
    }

    @Override
    public LedgerProvider provider() {
        return LedgerProvider.XERO;
    }

    @Override
    public Fetch fetch(OrganisationId organisation, InvoiceSnapshot invoice, int maxBytes) {
        XeroApi.Result result = api.call(organisation, XeroApi.Call.get("/Invoices/" + invoice.invoiceId(), Map.of())
                .withHeader("Accept", "application/pdf"), new CallCount());
        return switch (result) {
            case XeroApi.Ok ok -> LedgerInvoicePdfs.judged(ok.raw(), maxBytes, "Xero");
            case XeroApi.NotFound none -> new Unavailable("Xero has no PDF of the invoice (" + none.detail() + ")");
            case XeroApi.Failed failed -> new Unavailable("Xero could not be asked for the PDF: " + failed.failure().reason());
            case XeroApi.InDoubt doubt -> new Unavailable("no answer from Xero: " + doubt.reason());
        };
    }
}
