package dev.arrears.application.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The invoice PDF is a courtesy: switched off, too large or failing, the email goes without it, and the audit says why. */
class InvoiceAttachmentsTest {

    private static final OrganisationId ORG = new OrganisationId(UUID.fromString("3f0c9a4e-2b7d-4e1a-9c55-0d6f1b2a7e10"));
    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private final AtomicInteger asked = new AtomicInteger();

    @Test
    void a_pdf_within_the_limit_is_attached_under_the_invoice_number() {
        InvoiceAttachments.Outcome outcome = attachments(() -> LedgerInvoicePdfs.judged(PDF, 100, "Xero"))
                .forInvoice(ORG, LedgerProvider.XERO, invoice("INV/7 (copy)"), true);
        assertThat(outcome.attachment()).hasValueSatisfying(a -> {
            assertThat(a.fileName()).isEqualTo("INV-7-copy-.pdf");
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(a.content()).isEqualTo(PDF);
        });
        assertThat(outcome.note()).isEqualTo("attached (" + PDF.length + " bytes)");
    }

    @Test
    void switched_off_by_the_policy_the_ledger_is_not_even_asked() {
        InvoiceAttachments.Outcome outcome = attachments(() -> new LedgerInvoicePdfs.Fetched(PDF))
                .forInvoice(ORG, LedgerProvider.XERO, invoice("INV-7"), false);
        assertThat(outcome.attachment()).isEmpty();
        assertThat(outcome.note()).contains("attach_invoice_pdf: false");
        assertThat(asked).hasValue(0);
    }

    @Test
    void too_large_not_a_pdf_or_failing_goes_without_it_and_says_why() {
        assertThat(attachments(() -> LedgerInvoicePdfs.judged(PDF, 5, "Xero")).forInvoice(ORG, LedgerProvider.XERO, invoice("INV-7"), true))
                .satisfies(o -> assertThat(o.attachment()).isEmpty())
                .satisfies(o -> assertThat(o.note()).contains("has " + PDF.length + " bytes, over the limit of 100"));
        assertThat(attachments(() -> LedgerInvoicePdfs.judged("<html/>".getBytes(StandardCharsets.US_ASCII), 100, "QuickBooks"))
                .forInvoice(ORG, LedgerProvider.XERO, invoice("INV-7"), true).note())
                .isEqualTo("not attached: QuickBooks answered with something that is not a PDF (7 bytes)");
        assertThat(attachments(() -> {
            throw new IllegalStateException("boom");
        }).forInvoice(ORG, LedgerProvider.XERO, invoice("INV-7"), true)).satisfies(o -> assertThat(o.attachment()).isEmpty())
                .satisfies(o -> assertThat(o.note()).contains("failed unexpectedly").contains("boom"));
        assertThat(attachments(() -> new LedgerInvoicePdfs.Fetched(PDF)).forInvoice(ORG, LedgerProvider.QUICKBOOKS, invoice("INV-7"), true)
                .note()).isEqualTo("not attached: this installation fetches no invoice PDFs");
    }

    private InvoiceAttachments attachments(Supplier<LedgerInvoicePdfs.Fetch> answer) {
        LedgerInvoicePdfs xero = new LedgerInvoicePdfs() {
            @Override
            public LedgerProvider provider() {
                return LedgerProvider.XERO;
            }

            @Override
            public Fetch fetch(OrganisationId organisation, InvoiceSnapshot invoice, int maxBytes) {
                asked.incrementAndGet();
                return answer.get();
            }
        };
        return new InvoiceAttachments(List.of(xero), 100);
    }

    private static InvoiceSnapshot invoice(String number) {
        return new InvoiceSnapshot("org", "I-7", number, "C-1", "Acme Ltd", LocalDate.of(2025, 1, 15),
                Optional.of(LocalDate.of(2025, 2, 14)), Money.of("10.00", "GBP"), Money.of("10.00", "GBP"), InvoiceStatus.OPEN,
                List.of(), false);
    }
}
