package dev.arrears.connector.quickbooks;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arrears.application.email.AddressReading;
import dev.arrears.application.email.Mailbox;
import dev.arrears.application.email.Recipients;
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
class QuickBooksAddressBookTest extends QuickBooksTestBase {

    @Inject
    QuickBooksAddressBook addresses;

    @Test
    void bill_email_with_its_copies_are_the_recipients() {
        Company company = connected();
        ObjectNode invoice = invoice("130", "1200.00", "700.00", "2025-03-01T09:00:00-08:00");
        invoice.putObject("BillEmailCc").put("Address", "owner@sonnenschein.example, ap@sonnenschein.example");
        invoice.putObject("BillEmailBcc").put("Address", "books@firm.example");
        intuit.stubFor(get(urlPathEqualTo(company.path("invoice/130"))).willReturn(json(QboJson.object().set("Invoice", invoice))));

        AddressReading reading = addresses.read(company.org(), snapshot(company));

        assertThat(reading).isEqualTo(new AddressReading.Found(new Recipients(List.of(Mailbox.of("ap@sonnenschein.example")),
                List.of(Mailbox.of("owner@sonnenschein.example")), List.of(Mailbox.of("books@firm.example")), List.of())));
    }

    @Test
    void an_invoice_without_bill_email_gives_no_recipients() {
        Company company = connected();
        ObjectNode invoice = invoice("130", "1200.00", "700.00", "2025-03-01T09:00:00-08:00");
        invoice.remove("BillEmail");
        intuit.stubFor(get(urlPathEqualTo(company.path("invoice/130"))).willReturn(json(QboJson.object().set("Invoice", invoice))));

        assertThat(addresses.read(company.org(), snapshot(company))).isEqualTo(new AddressReading.Found(Recipients.NONE));
    }

    private static InvoiceSnapshot snapshot(Company company) {
        return new InvoiceSnapshot(company.org().toString(), "130", "1037", "24", "Sonnenschein Family Store",
                LocalDate.parse("2025-01-15"), Optional.of(LocalDate.parse("2025-02-14")), Money.of("1200.00", "USD"),
                Money.of("700.00", "USD"), InvoiceStatus.OPEN, List.of(), false);
    }
}
