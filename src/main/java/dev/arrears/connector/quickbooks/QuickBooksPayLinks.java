package dev.arrears.connector.quickbooks;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.email.LedgerPayLinks;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * QuickBooks' customer link of an invoice: {@code GET /invoice/{id}?include=invoiceLink} (minor
 * version 36 and later); present only when online payments are on and the customer has an email.
 */
@ApplicationScoped
public class QuickBooksPayLinks implements LedgerPayLinks {

    private final QboClient client;

    QuickBooksPayLinks(QboClient client) {
        this.client = client;
    }

    @Override
    public LedgerProvider provider() {
        return LedgerProvider.QUICKBOOKS;
    }

    @Override
    public Optional<String> payLink(OrganisationId organisation, InvoiceSnapshot invoice) {
        try {
            return LedgerPayLinks.usable(client.get(client.open(organisation), "invoice/" + invoice.invoiceId(),
                    Map.of("include", "invoiceLink")).path("Invoice").path("InvoiceLink").asText(""));
        } catch (QboProblem problem) {
            return Optional.empty();
        }
    }
}
