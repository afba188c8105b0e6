package dev.arrears.application.email;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Port: the invoice as the ledger's own PDF, fetched when the reminder is written (Xero
 * {@code GET /Invoices/{id}} with {@code Accept: application/pdf}; QuickBooks
 * {@code GET /invoice/{id}/pdf}), so the attachment shows what the ledger shows that day.
 */
public interface LedgerInvoicePdfs {

    LedgerProvider provider();

    /** Never throws for the ledger's sake: every failure is {@link Unavailable}. */
    Fetch fetch(OrganisationId organisation, InvoiceSnapshot invoice, int maxBytes);

    /** What a ledger answered, judged: only a PDF (by its first bytes) within the limit is attached. */
    static Fetch judged(byte[] body, int maxBytes, String ledger) {
        byte[] magic = "%PDF-".getBytes(StandardCharsets.US_ASCII);
        if (body.length < magic.length || !Arrays.equals(Arrays.copyOf(body, magic.length), magic)) {
            return new Unavailable(ledger + " answered with something that is not a PDF (" + body.length + " bytes)");
        }
        return body.length > maxBytes ? new TooLarge(body.length) : new Fetched(body);
    }

    /** What asking the ledger for the PDF came to. */
    sealed interface Fetch {
    }

    record Fetched(byte[] content) implements Fetch {
        public Fetched {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    /** Larger than the limit: not attached (the email goes without it). */
    record TooLarge(long bytes) implements Fetch {
    }

    /** The ledger has none or could not be asked now (not connected, throttled, an error): the email goes without it. */
    record Unavailable(String reason) implements Fetch {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
