package dev.arrears.connector.xero;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(XeroWireMock.class)
class XeroAddressBookTest extends XeroTestBase {

    private static final String CONTACT = "a3675fc4-f8dd-4f03-ba5b-f1870566bcd7";

    @jakarta.inject.Inject
    XeroAddressBook addresses;

    @Test
    void the_contacts_address_and_the_persons_included_in_emails_are_the_recipients() {
        ObjectNode contact = JSON.createObjectNode();
        contact.put("ContactID", CONTACT).put("Name", "Barney Rubble").put("EmailAddress", "barney@rubble.example");
        contact.putArray("ContactPersons")
                .add(JSON.createObjectNode().put("FirstName", "Betty").put("EmailAddress", "betty@rubble.example").put("IncludeInEmails", true))
                .add(JSON.createObjectNode().put("FirstName", "Bamm").put("EmailAddress", "bamm@rubble.example").put("IncludeInEmails", false));
        ObjectNode body = JSON.createObjectNode();
        body.putArray("Contacts").add(contact);
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Contacts/" + CONTACT)).willReturn(json(body)));

        AddressReading reading = addresses.read(org, invoice());

        assertThat(reading).isEqualTo(new AddressReading.Found(new Recipients(
                List.of(Mailbox.of("barney@rubble.example"), Mailbox.of("betty@rubble.example")), List.of(), List.of(), List.of())));
    }

    @Test
    void a_contact_without_an_address_gives_no_recipients() {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("Contacts").add(JSON.createObjectNode().put("ContactID", CONTACT).put("Name", "Barney Rubble"));
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Contacts/" + CONTACT)).willReturn(json(body)));
        assertThat(addresses.read(org, invoice())).isEqualTo(new AddressReading.Found(Recipients.NONE));

        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Contacts/" + CONTACT)).willReturn(notFound()));
        assertThat(addresses.read(org, invoice())).isEqualTo(new AddressReading.Found(Recipients.NONE));
    }

    private InvoiceSnapshot invoice() {
        return new InvoiceSnapshot(org.toString(), id(), "INV-1", CONTACT, "Barney Rubble", LocalDate.of(2025, 1, 15),
                Optional.of(LocalDate.of(2025, 2, 14)), Money.of("115.00", "NZD"), Money.of("115.00", "NZD"),
                InvoiceStatus.OPEN, List.of(), false);
    }
}
