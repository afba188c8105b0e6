package dev.arrears.connector.xero;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.email.LedgerInvoicePdfs;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(XeroWireMock.class)
class XeroInvoicePdfsTest extends XeroTestBase {

    /** Bytes as Xero sends them: binary, not UTF-8 text (a byte above 0x7F must survive). */
    static final byte[] PDF = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< >>\nendobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    @Inject
    XeroInvoicePdfs pdfs;

    @Test
    void the_invoice_is_asked_for_as_application_pdf_and_its_bytes_come_back_as_they_were() {
        String invoiceId = id();
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices/" + invoiceId)).withHeader("Accept", equalTo("application/pdf"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/pdf").withBody(PDF)));

        LedgerInvoicePdfs.Fetch fetch = pdfs.fetch(org, invoice(invoiceId), 1_000_000);

        assertThat(fetch).isInstanceOfSatisfying(LedgerInvoicePdfs.Fetched.class, f -> assertThat(f.content()).isEqualTo(PDF));
        xero.verify(getRequestedFor(urlPathEqualTo("/api.xro/2.0/Invoices/" + invoiceId)).withHeader("Accept", equalTo("application/pdf")));
        assertThat(pdfs.fetch(org, invoice(invoiceId), PDF.length - 1))
                .isEqualTo(new LedgerInvoicePdfs.TooLarge(PDF.length));
    }

    @Test
    void no_pdf_or_something_else_is_unavailable_and_never_a_failure() {
        String missing = id();
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices/" + missing)).willReturn(aResponse().withStatus(404)));
        assertThat(pdfs.fetch(org, invoice(missing), 1_000_000)).isInstanceOf(LedgerInvoicePdfs.Unavailable.class);

        String html = id();
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices/" + html))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>login</html>")));
        assertThat(pdfs.fetch(org, invoice(html), 1_000_000)).isInstanceOfSatisfying(LedgerInvoicePdfs.Unavailable.class,
                u -> assertThat(u.reason()).contains("not a PDF"));
    }

    private InvoiceSnapshot invoice(String invoiceId) {
        return new InvoiceSnapshot(org.toString(), invoiceId, "INV-1", "a3675fc4-f8dd-4f03-ba5b-f1870566bcd7", "Barney Rubble",
                LocalDate.of(2025, 1, 15), Optional.of(LocalDate.of(2025, 2, 14)), Money.of("115.00", "NZD"),
                Money.of("115.00", "NZD"), InvoiceStatus.OPEN, List.of(), false);
    }
}
