package dev.arrears.application.email;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The invoice PDF that goes with a reminder email. The PDF is a courtesy like the pay-now link: an
 * email is never held back, retried or doubled for it. It is fetched before the action is marked as
 * writing, and whatever becomes of the fetch (too large, the ledger unreachable, none for this
 * invoice), the reminder goes once, without the attachment, and the audit event says why.
 */
public final class InvoiceAttachments {

    /** Installations and tests without PDFs: nothing is attached. */
    public static final InvoiceAttachments NONE = new InvoiceAttachments(List.of(), 0);

    private final List<LedgerInvoicePdfs> ledgers;
    private final int maxBytes;

    /** @param maxBytes the largest PDF attached (mail servers refuse large messages; base64 adds a third) */
    public InvoiceAttachments(List<LedgerInvoicePdfs> ledgers, int maxBytes) {
        this.ledgers = List.copyOf(ledgers);
        this.maxBytes = maxBytes;
    }

    /**
     * What goes with the email.
     *
     * @param note what became of the PDF, in words, for the audit event ("attached", "not attached: ...")
     */
    public record Outcome(Optional<OutgoingEmail.Attachment> attachment, String note) {
    }

    /** @param wanted the policy's {@code attach_invoice_pdf} */
    public Outcome forInvoice(OrganisationId organisation, LedgerProvider provider, InvoiceSnapshot invoice, boolean wanted) {
        return forInvoice(organisation, provider, invoice, wanted, maxBytes);
    }

    /**
     * The PDFs of a statement's invoices, in order: the limit holds for all of them together (one
     * message), so a PDF that would take the sum over it is left off, and the later ones may still fit.
     */
    public List<Outcome> forStatement(OrganisationId organisation, LedgerProvider provider, List<InvoiceSnapshot> invoices,
                                      boolean wanted) {
        List<Outcome> outcomes = new ArrayList<>();
        int left = maxBytes;
        for (InvoiceSnapshot invoice : invoices) {
            Outcome outcome = left > 0 || !wanted || maxBytes <= 0 ? forInvoice(organisation, provider, invoice, wanted, left)
                    : new Outcome(Optional.empty(), "not attached: the statement's other PDFs use up the limit of " + maxBytes
                            + " bytes (ARREARS_EMAIL_ATTACHMENT_MAX_BYTES)");
            left -= outcome.attachment().map(a -> a.content().length).orElse(0);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private Outcome forInvoice(OrganisationId organisation, LedgerProvider provider, InvoiceSnapshot invoice, boolean wanted,
                               int limit) {
        if (!wanted) {
            return new Outcome(Optional.empty(), "not attached: the policy says attach_invoice_pdf: false");
        }
        Optional<LedgerInvoicePdfs> ledger = ledgers.stream().filter(l -> l.provider() == provider).findFirst();
        if (ledger.isEmpty() || limit <= 0) {
            return new Outcome(Optional.empty(), "not attached: this installation fetches no invoice PDFs");
        }
        LedgerInvoicePdfs.Fetch fetch;
        try {
            fetch = ledger.get().fetch(organisation, invoice, limit);
        } catch (RuntimeException e) {
            fetch = new LedgerInvoicePdfs.Unavailable("fetching it failed unexpectedly: " + e);
        }
        return switch (fetch) {
            case LedgerInvoicePdfs.Fetched fetched -> new Outcome(Optional.of(new OutgoingEmail.Attachment(fileName(invoice),
                    "application/pdf", fetched.content())), "attached (" + fetched.content().length + " bytes)");
            case LedgerInvoicePdfs.TooLarge large -> new Outcome(Optional.empty(), "not attached: the ledger's PDF has "
                    + large.bytes() + " bytes, over the limit of " + limit + " (ARREARS_EMAIL_ATTACHMENT_MAX_BYTES)");
            case LedgerInvoicePdfs.Unavailable none -> new Outcome(Optional.empty(), "not attached: " + none.reason());
        };
    }

    /** {@code INV-0042.pdf}: the number the customer knows, with nothing a mail reader could take for a path. */
    static String fileName(InvoiceSnapshot invoice) {
        String number = invoice.number() == null || invoice.number().isBlank() ? invoice.invoiceId() : invoice.number();
        String safe = number.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
        safe = safe.length() > 80 ? safe.substring(0, 80) : safe;
        return (safe.isEmpty() ? "invoice" : safe) + ".pdf";
    }
}
