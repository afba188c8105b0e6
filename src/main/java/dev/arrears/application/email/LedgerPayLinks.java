package dev.arrears.application.email;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Port: the ledger's pay-now link of an invoice, fetched when the reminder is sent (Xero
 * {@code GET /Invoices/{id}/OnlineInvoice}; QuickBooks {@code GET /invoice/{id}?include=invoiceLink}).
 * Empty when the ledger has none or cannot be asked now: the email then uses its "no link" wording,
 * it is never held back for a link.
 */
public interface LedgerPayLinks {

    LedgerProvider provider();

    Optional<String> payLink(OrganisationId organisation, InvoiceSnapshot invoice);

    /** Only an https address goes into an email's link; anything else from a ledger is left out. */
    static Optional<String> usable(String link) {
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(link.strip());
            return "https".equals(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT)) && uri.getHost() != null
                    ? Optional.of(uri.toString()) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
