package dev.arrears.connector.quickbooks;

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
@WithTestResource(IntuitWireMock.class)
class QuickBooksInvoicePdfsTest extends QuickBooksTestBase {

    static final byte[] PDF = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< >>\nendobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    @Inject
    QuickBooksInvoicePdfs pdfs;

    @Test
    void the_invoice_pdf_comes_back_byte_for_byte_and_a_fault_is_unavailable() {
        Company company = connected();
        intuit.stubFor(get(urlPathEqualTo(company.path("invoice/130/pdf")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/pdf").withBody(PDF)));

        assertThat(pdfs.fetch(company.org(), snapshot(company, "130"), 1_000_000))
                .isInstanceOfSatisfying(LedgerInvoicePdfs.Fetched.class, f -> assertThat(f.content()).isEqualTo(PDF));
        intuit.verify(getRequestedFor(urlPathEqualTo(company.path("invoice/130/pdf"))).withHeader("Accept", equalTo("application/pdf")));
        assertThat(pdfs.fetch(company.org(), snapshot(company, "130"), 10)).isEqualTo(new LedgerInvoicePdfs.TooLarge(PDF.length));

        intuit.stubFor(get(urlPathEqualTo(company.path("invoice/131/pdf"))).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"Fault\":{\"Error\":[{\"Message\":\"Object Not Found\",\"code\":\"610\"}],\"type\":\"ValidationFault\"}}")));
        assertThat(pdfs.fetch(company.org(), snapshot(company, "131"), 1_000_000))
                .isInstanceOfSatisfying(LedgerInvoicePdfs.Unavailable.class, u -> assertThat(u.reason()).contains("610"));
    }

    private static InvoiceSnapshot snapshot(Company company, String id) {
        return new InvoiceSnapshot(company.org().toString(), id, "1037", "24", "Sonnenschein Family Store",
                LocalDate.parse("2025-01-15"), Optional.of(LocalDate.parse("2025-02-14")), Money.of("1200.00", "USD"),
                Money.of("700.00", "USD"), InvoiceStatus.OPEN, List.of(), false);
    }
}
