package dev.arrears.connector.xero;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.email.LedgerPayLinks;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/** Xero's online invoice (view and pay): {@code GET /Invoices/{id}/OnlineInvoice}; none for DRAFT invoices (NOTES.md 1.8). */
@ApplicationScoped
public class XeroPayLinks implements LedgerPayLinks {

    private final XeroClient api;

    XeroPayLinks(XeroClient api) {
        this.api = api;
    }

    @Override
    public LedgerProvider provider() {
        return LedgerProvider.XERO;
    }

    @Override
    public Optional<String> payLink(OrganisationId organisation, InvoiceSnapshot invoice) {
        XeroClient.Result result = api.call(organisation, XeroClient.Call.get("/Invoices/" + invoice.invoiceId() + "/OnlineInvoice",
                Map.of()), new CallCount());
        if (result instanceof XeroClient.Ok ok) {
            return LedgerPayLinks.usable(ok.body().path("OnlineInvoices").path(0).path("OnlineInvoiceUrl").asText(""));
        }
        return Optional.empty();
    }
}
