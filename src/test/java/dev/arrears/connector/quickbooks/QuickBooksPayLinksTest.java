package dev.arrears.connector.quickbooks;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
@WithTestResource(IntuitWireMock.class)
class QuickBooksPayLinksTest extends QuickBooksTestBase {

    @Inject
    QuickBooksPayLinks links;

    @Test
    void the_invoice_link_is_the_pay_link_and_a_missing_one_is_no_link() {
        Company company = connected();
        ObjectNode invoice = invoice("130", "1200.00", "700.00", "2025-03-01T09:00:00-08:00");
        invoice.put("InvoiceLink", "https://connect.intuit.com/portal/app/CommerceNetwork/view/scs-v1-abc");
        intuit.stubFor(get(urlPathEqualTo(company.path("invoice/130"))).withQueryParam("include", equalTo("invoiceLink"))
                .willReturn(json(QboJson.object().set("Invoice", invoice))));

        assertThat(links.payLink(company.org(), snapshot(company, "130")))
                .contains("https://connect.intuit.com/portal/app/CommerceNetwork/view/scs-v1-abc");

        ObjectNode without = invoice("131", "1200.00", "700.00", "2025-03-01T09:00:00-08:00");
        intuit.stubFor(get(urlPathEqualTo(company.path("invoice/131"))).willReturn(json(QboJson.object().set("Invoice", without))));
        assertThat(links.payLink(company.org(), snapshot(company, "131"))).isEmpty();
    }

    private static InvoiceSnapshot snapshot(Company company, String id) {
        return new InvoiceSnapshot(company.org().toString(), id, "1037", "24", "Sonnenschein Family Store",
                LocalDate.parse("2025-01-15"), Optional.of(LocalDate.parse("2025-02-14")), Money.of("1200.00", "USD"),
                Money.of("700.00", "USD"), InvoiceStatus.OPEN, List.of(), false);
    }
}
