package dev.arrears.connector.xero;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(XeroWireMock.class)
class XeroPayLinksTest extends XeroTestBase {

    @Inject
    XeroPayLinks links;

    @Test
    void the_online_invoice_url_is_the_pay_link() {
        String invoiceId = id();
        ObjectNode body = JSON.createObjectNode();
        body.putArray("OnlineInvoices").addObject().put("OnlineInvoiceUrl", "https://in.xero.com/iztKMjyAEJT7MVnmruxgCdIJUDStfRgmtdQSIW13");
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices/" + invoiceId + "/OnlineInvoice")).willReturn(json(body)));

        assertThat(links.payLink(org, invoice(invoiceId))).contains("https://in.xero.com/iztKMjyAEJT7MVnmruxgCdIJUDStfRgmtdQSIW13");
    }

    @Test
    void no_online_invoice_is_no_link_and_no_failure() {
        String invoiceId = id();
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices/" + invoiceId + "/OnlineInvoice"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"ErrorNumber\":10,\"Type\":\"ValidationException\",\"Message\":\"A validation exception occurred\"}")));

        assertThat(links.payLink(org, invoice(invoiceId))).isEmpty();
    }

    private InvoiceSnapshot invoice(String invoiceId) {
        return new InvoiceSnapshot(org.toString(), invoiceId, "INV-1", "a3675fc4-f8dd-4f03-ba5b-f1870566bcd7", "Barney Rubble",
                LocalDate.of(2025, 1, 15), Optional.of(LocalDate.of(2025, 2, 14)), Money.of("115.00", "NZD"),
                Money.of("115.00", "NZD"), InvoiceStatus.OPEN, List.of(), false);
    }
}
