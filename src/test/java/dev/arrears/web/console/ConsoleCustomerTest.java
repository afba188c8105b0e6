package dev.arrears.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.IncomingInvoice;
import dev.arrears.application.SyncPage;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.collections.ContactLog;
import dev.arrears.application.console.ConsoleAccounts;
import dev.arrears.application.console.ConsoleRole;
import dev.arrears.application.console.ConsoleUser;
import dev.arrears.domain.contact.ContactChannel;
import dev.arrears.domain.contact.ContactOrigin;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The customer page: its invoices and history, and a phone call or a letter recorded by a person. */
@QuarkusTest
class ConsoleCustomerTest {

    static final String PASSWORD = "correct horse battery";

    @Inject
    ConsoleAccounts accounts;
    @Inject
    OrganisationStore organisations;
    @Inject
    InvoiceStore invoices;
    @Inject
    ContactLog contacts;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    String suffix;
    OrganisationId org;

    /** One customer with two open invoices and a paid one, and another customer. */
    @BeforeEach
    void customer() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        org = organisations.create(new NewOrganisation("Customers " + suffix, LedgerProvider.XERO, ZoneId.of("Europe/London"),
                "GB", Money.currency("GBP"), "default")).id();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
        invoices.store(SyncPage.of(org, List.of(
                incoming("INV-1", "0101", "CUST-A", "Acme Stores", today.minusDays(10), InvoiceStatus.OPEN),
                incoming("INV-2", "0102", "CUST-A", "Acme Stores", today.plusDays(5), InvoiceStatus.OPEN),
                incoming("INV-3", "0103", "CUST-A", "Acme Stores", today.minusDays(60), InvoiceStatus.PAID),
                incoming("INV-9", "0109", "CUST-B", "Other Ltd", today.minusDays(3), InvoiceStatus.OPEN))));
    }

    IncomingInvoice incoming(String id, String number, String customer, String name, LocalDate due, InvoiceStatus status) {
        Money due100 = Money.of(status == InvoiceStatus.PAID ? "0.00" : "100.00", "GBP");
        return new IncomingInvoice(new InvoiceSnapshot(org.toString(), id, number, customer, name, due.minusDays(30),
                Optional.of(due), Money.of("100.00", "GBP"), due100, status, List.of(), false), "{}",
                Instant.parse("2025-01-01T00:00:00Z"));
    }

    ConsoleUser user(String name, ConsoleRole role, OrganisationId... assigned) {
        return ConsoleClient.user(accounts, name + "-" + suffix, name, role, PASSWORD, assigned);
    }

    String page() {
        return "/console/organisations/" + org + "/customers/CUST-A";
    }

    @Test
    void the_customer_page_lists_all_of_its_invoices_and_none_of_another_customers() {
        ConsoleUser anna = user("anna", ConsoleRole.VIEWER, org);
        ConsoleClient client = ConsoleClient.signedIn(anna.username(), PASSWORD);
        client.get(page()).then().statusCode(200).body(containsString("Acme Stores")).body(containsString("0101"))
                .body(containsString("0102")).body(containsString("0103")).body(containsString("PAID"))
                .body(not(containsString("0109")))
                .body(not(containsString("record-contact")));
        client.get("/console/organisations/" + org + "/invoices/INV-1").then().statusCode(200)
                .body(containsString("/customers/CUST-A"));
        client.get("/console/organisations/" + org + "/customers/NOBODY").then().statusCode(404);
    }

    @Test
    void a_phone_call_about_one_invoice_goes_into_the_contact_log_and_onto_that_invoice_s_timeline() {
        ConsoleUser ben = user("ben", ConsoleRole.ACCOUNTANT, org);
        ConsoleClient client = ConsoleClient.signedIn(ben.username(), PASSWORD);
        client.get(page());
        client.post(page() + "/contacts", "channel", "phone", "invoice", "INV-1", "note", "Will pay on Friday")
                .then().statusCode(303);

        assertThat(contacts.forCustomer(org, "CUST-A")).singleElement().satisfies(c -> {
            assertThat(c.channel()).isEqualTo(ContactChannel.PHONE);
            assertThat(c.origin()).isEqualTo(ContactOrigin.MANUAL);
        });
        assertThat(audit.byInvoice(new InvoiceRef(org, "INV-1"), 20)).anyMatch(r -> r.event().kind() == AuditKind.CONSOLE_ACTION
                && r.event().message().contains("ben recorded a phone call with Acme Stores: Will pay on Friday")
                && r.event().detail().get("user").equals(ben.username()));
        assertThat(audit.byInvoice(new InvoiceRef(org, "INV-2"), 20)).noneMatch(r -> r.event().kind() == AuditKind.CONSOLE_ACTION);
        client.get(page()).then().body(containsString("PHONE"));
        client.get("/console/organisations/" + org + "/invoices/INV-1").then().body(containsString("Will pay on Friday"));
    }

    @Test
    void a_letter_about_all_of_the_customer_s_invoices_is_on_each_open_one_s_timeline() {
        ConsoleUser cleo = user("cleo", ConsoleRole.ACCOUNTANT, org);
        ConsoleClient client = ConsoleClient.signedIn(cleo.username(), PASSWORD);
        client.get(page());
        client.post(page() + "/contacts", "channel", "letter", "invoice", "", "note", "Statement of account posted")
                .then().statusCode(303);

        for (String invoice : List.of("INV-1", "INV-2")) {
            assertThat(audit.byInvoice(new InvoiceRef(org, invoice), 20)).as(invoice).anyMatch(r ->
                    r.event().message().contains("cleo recorded a letter with Acme Stores: Statement of account posted"));
        }
        assertThat(audit.byInvoice(new InvoiceRef(org, "INV-3"), 20)).noneMatch(r -> r.event().kind() == AuditKind.CONSOLE_ACTION);
        assertThat(audit.byInvoice(new InvoiceRef(org, "INV-9"), 20)).noneMatch(r -> r.event().kind() == AuditKind.CONSOLE_ACTION);
    }

    @Test
    void a_contact_that_cannot_be_recorded_is_refused_with_a_message_and_nothing_is_stored() {
        ConsoleUser dan = user("dan", ConsoleRole.ACCOUNTANT, org);
        ConsoleClient client = ConsoleClient.signedIn(dan.username(), PASSWORD);
        client.get(page());
        client.post(page() + "/contacts", "channel", "email", "note", "sent by hand").then().statusCode(400)
                .body(containsString("phone call, a letter"));
        client.post(page() + "/contacts", "channel", "phone", "note", " ").then().statusCode(400)
                .body(containsString("what was said"));
        client.post(page() + "/contacts", "channel", "phone", "invoice", "INV-9", "note", "wrong customer").then()
                .statusCode(400).body(containsString("not this customer"));
        client.request().formParam("channel", "phone").formParam("note", "no token").post(page() + "/contacts")
                .then().statusCode(403);
        assertThat(contacts.forCustomer(org, "CUST-A")).isEmpty();
    }

    @Test
    void an_accountant_of_another_organisation_gets_403_and_records_nothing() {
        OrganisationId elsewhere = organisations.create(new NewOrganisation("Elsewhere " + suffix, LedgerProvider.XERO,
                ZoneId.of("Europe/London"), "GB", Money.currency("GBP"), "default")).id();
        ConsoleUser eve = user("eve", ConsoleRole.ACCOUNTANT, elsewhere);
        ConsoleClient client = ConsoleClient.signedIn(eve.username(), PASSWORD);
        client.get(page()).then().statusCode(403);
        client.post(page() + "/contacts", "channel", "phone", "note", "not mine").then().statusCode(403);
        assertThat(contacts.forCustomer(org, "CUST-A")).isEmpty();
    }
}
