package dev.arrears.web.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.IncomingInvoice;
import dev.arrears.application.SyncPage;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.Outbox;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.console.ConsoleAccounts;
import dev.arrears.application.console.ConsoleRole;
import dev.arrears.application.console.ConsoleUser;
import dev.arrears.application.cycle.DecideOrganisation;
import dev.arrears.application.cycle.OrganisationControl;
import dev.arrears.application.cycle.QueueControl;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue's per-action changes and the pause until a day, over HTTP: console (roles, CSRF, audit) and admin API alike. */
@QuarkusTest
class ConsoleQueueTest {

    static final String PASSWORD = "correct horse battery";
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    ConsoleAccounts accounts;
    @Inject
    OrganisationStore organisations;
    @Inject
    InvoiceStore invoices;
    @Inject
    DecideOrganisation decide;
    @Inject
    OrganisationControl control;
    @Inject
    QueueControl queue;
    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;
    @ConfigProperty(name = "arrears.operator.token")
    String operatorToken;

    String suffix;
    OrganisationId org;
    OrganisationId other;
    OutboxEntry reminder;

    /** An organisation in preview whose invoice, two days overdue, has its overdue notice in the queue. */
    @BeforeEach
    void previewQueue() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        org = organisations.create(new NewOrganisation("Queue " + suffix, LedgerProvider.XERO, LONDON, "GB",
                Money.currency("GBP"), "default")).id();
        other = organisations.create(new NewOrganisation("Elsewhere " + suffix, LedgerProvider.XERO, LONDON, "GB",
                Money.currency("GBP"), "default")).id();
        LocalDate today = LocalDate.ofInstant(clock.instant(), LONDON);
        InvoiceSnapshot invoice = new InvoiceSnapshot(org.toString(), "INV-Q", "0042", "CUST-Q", "Late Payer",
                today.minusDays(32), Optional.of(today.minusDays(2)), Money.of("300.00", "GBP"), Money.of("300.00", "GBP"),
                InvoiceStatus.OPEN, List.of(), false);
        invoices.store(SyncPage.of(org, List.of(new IncomingInvoice(invoice, "{}", Instant.parse("2025-01-01T00:00:00Z")))));
        decide.decide(organisations.find(org).orElseThrow(), clock.instant());
        reminder = outbox.list(org, OutboxStatus.PREVIEWED).getFirst();
    }

    ConsoleUser user(String name, ConsoleRole role, OrganisationId... assigned) {
        return ConsoleClient.user(accounts, name + "-" + suffix, name, role, PASSWORD, assigned);
    }

    String queuePath(OrganisationId organisation, String change) {
        return "/console/organisations/" + organisation + "/queue/" + reminder.id() + "/" + change;
    }

    @Test
    void an_accountant_excludes_an_item_from_the_preview_queue_and_includes_it_again_audited_with_their_name() {
        ConsoleUser anna = user("anna", ConsoleRole.ACCOUNTANT, org);
        ConsoleClient client = ConsoleClient.signedIn(anna.username(), PASSWORD);
        client.get("/console/organisations/" + org).then().statusCode(200).body(containsString(queuePath(org, "exclude")));

        client.post(queuePath(org, "exclude")).then().statusCode(303);
        assertThat(queue.excluded(org)).containsExactly(reminder.id());
        client.get("/console/organisations/" + org).then().statusCode(200)
                .body(containsString("excluded: not sent at go-live")).body(containsString(queuePath(org, "include")));
        client.post(queuePath(org, "include")).then().statusCode(303);
        assertThat(queue.excluded(org)).isEmpty();

        assertThat(audit.byInvoice(new InvoiceRef(org, "INV-Q"), 50)).filteredOn(r -> r.event().kind() == AuditKind.QUEUE_CHANGED)
                .extracting(r -> r.event().detail().get("user") + " " + r.event().detail().get("change"))
                .contains(anna.username() + " exclude", anna.username() + " include");
    }

    @Test
    void an_accountant_gets_403_on_the_queue_of_an_organisation_not_assigned_to_them() {
        ConsoleUser ben = user("ben", ConsoleRole.ACCOUNTANT, other);
        ConsoleClient client = ConsoleClient.signedIn(ben.username(), PASSWORD);
        for (String change : List.of("exclude", "include", "stop", "chase")) {
            client.post(queuePath(org, change)).then().statusCode(403);
        }
        client.post("/console/organisations/" + org + "/pause", "resumeOn", "2099-01-01").then().statusCode(403);
        assertThat(queue.excluded(org)).isEmpty();
        assertThat(organisations.find(org).orElseThrow().mode()).isEqualTo(OrganisationMode.PREVIEW);
    }

    @Test
    void a_queue_change_posted_without_its_csrf_token_is_refused() {
        ConsoleUser cleo = user("cleo", ConsoleRole.ACCOUNTANT, org);
        ConsoleClient client = ConsoleClient.signedIn(cleo.username(), PASSWORD);
        client.request().post(queuePath(org, "exclude")).then().statusCode(403).body(containsString("CSRF"));
        assertThat(queue.excluded(org)).isEmpty();
    }

    @Test
    void a_change_the_state_does_not_allow_is_a_409_page_that_says_why() {
        ConsoleUser dora = user("dora", ConsoleRole.ACCOUNTANT, org);
        ConsoleClient client = ConsoleClient.signedIn(dora.username(), PASSWORD);
        client.post(queuePath(org, "chase")).then().statusCode(409).body(containsString("only a live organisation"));
        client.post("/console/organisations/" + org + "/queue/not-an-id/stop").then().statusCode(404);
    }

    @Test
    void pausing_until_a_day_shows_the_day_and_the_organisation_resumes_by_itself_then() {
        ConsoleUser ed = user("ed", ConsoleRole.ACCOUNTANT, org);
        ConsoleClient client = ConsoleClient.signedIn(ed.username(), PASSWORD);
        LocalDate resumeOn = LocalDate.ofInstant(clock.instant(), LONDON).plusDays(10);

        client.post("/console/organisations/" + org + "/pause", "resumeOn", resumeOn.toString()).then().statusCode(303);
        client.get("/console/organisations/" + org).then().statusCode(200).body(containsString("Paused until <strong>" + resumeOn));
        assertThat(control.resumeOn(org)).contains(resumeOn);
        assertThat(control.resumeDue(resumeOn.atStartOfDay(LONDON).toInstant())).contains(org);
        assertThat(organisations.find(org).orElseThrow().mode()).isEqualTo(OrganisationMode.PREVIEW);
        assertThat(em.createNativeQuery("select message from audit_event where organisation_id = :org and kind = 'CONSOLE_ACTION'",
                String.class).setParameter("org", org.value()).getResultList())
                .anyMatch(m -> m.toString().contains("ed paused the organisation until " + resumeOn));

        client.post("/console/organisations/" + org + "/pause", "resumeOn", "yesterday").then().statusCode(400);
    }

    @Test
    void the_admin_api_changes_the_queue_through_the_same_service_and_names_the_operator() {
        given().auth().oauth2(operatorToken).post("/admin/organisations/" + org + "/queue/" + reminder.id() + "/exclude")
                .then().statusCode(200).body(containsString(reminder.id().toString()))
                .body(containsString("\"invoiceNumber\":\"0042\"")).body(containsString("\"customerName\":\"Late Payer\""));
        // Answers that show an invoice name it as people do: the outbox and the audit trail.
        given().auth().oauth2(operatorToken).get("/admin/organisations/" + org + "/outbox?status=PREVIEWED")
                .then().statusCode(200).body(containsString("\"invoiceNumber\":\"0042\""))
                .body(containsString("\"customerName\":\"Late Payer\""));
        given().auth().oauth2(operatorToken).get("/admin/audit/invoices/" + org + "/INV-Q")
                .then().statusCode(200).body(containsString("\"invoiceNumber\":\"0042\""))
                .body(containsString("\"customerName\":\"Late Payer\""));
        assertThat(queue.excluded(org)).containsExactly(reminder.id());
        assertThat(audit.byInvoice(new InvoiceRef(org, "INV-Q"), 50)).anyMatch(r -> r.event().kind() == AuditKind.QUEUE_CHANGED
                && r.event().detail().get("user").equals("operator"));

        given().auth().oauth2(operatorToken).post("/admin/organisations/" + org + "/queue/" + reminder.id() + "/chase")
                .then().statusCode(409).body(containsString("only a live organisation"));
        given().auth().oauth2(operatorToken).post("/admin/organisations/" + other + "/queue/" + reminder.id() + "/stop")
                .then().statusCode(404);
        given().auth().oauth2(operatorToken).post("/admin/organisations/" + org + "/queue/x/stop").then().statusCode(400);
        given().post("/admin/organisations/" + org + "/queue/" + reminder.id() + "/include").then().statusCode(401);

        LocalDate resumeOn = LocalDate.ofInstant(clock.instant(), LONDON).plusDays(5);
        given().auth().oauth2(operatorToken).post("/admin/organisations/" + org + "/pause?resumeOn=" + resumeOn)
                .then().statusCode(200).body(containsString("\"resumeOn\":\"" + resumeOn + "\""));
        given().auth().oauth2(operatorToken).post("/admin/organisations/" + org + "/pause?resumeOn=soon").then().statusCode(400);
    }
}
