package dev.arrears.web.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.arrears.application.DecisionRecorder;
import dev.arrears.application.DecisionToRecord;
import dev.arrears.application.DeliveryMode;
import dev.arrears.application.IncomingInvoice;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.StoredDunningState;
import dev.arrears.application.SyncPage;
import dev.arrears.application.console.ConsoleAccounts;
import dev.arrears.application.console.ConsoleRole;
import dev.arrears.application.console.ConsoleUser;
import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.Decision;
import dev.arrears.domain.dunning.DunningState;
import dev.arrears.domain.dunning.DunningStatus;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

/**
 * The invoice page of a previewed organisation: its timeline (a decision and what it planned, stored
 * as one audit row, shown as one entry each) and its stage's document, rendered on request and not kept.
 */
@QuarkusTest
class ConsoleInvoiceTest {

    static final String PASSWORD = "correct horse battery";

    @Inject
    ConsoleAccounts accounts;
    @Inject
    OrganisationStore organisations;
    @Inject
    InvoiceStore invoices;
    @Inject
    DecisionRecorder recorder;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;
    @ConfigProperty(name = "arrears.operator.token")
    String operatorToken;

    String suffix;
    OrganisationId org;
    LocalDate today;

    /** A previewed organisation on the default policy: INV-1 twenty days overdue, INV-2 not due yet, both of CUST-A. */
    @BeforeEach
    void previewedOrganisation() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        org = organisations.create(new NewOrganisation("Invoices " + suffix, LedgerProvider.XERO, ZoneId.of("Europe/London"),
                "GB", Money.currency("GBP"), "default")).id();
        organisations.setMode(org, OrganisationMode.PREVIEW);
        today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
        invoices.store(SyncPage.of(org, List.of(incoming("INV-1", "0101", today.minusDays(20)),
                incoming("INV-2", "0102", today.plusDays(10)))));
    }

    IncomingInvoice incoming(String id, String number, LocalDate due) {
        return new IncomingInvoice(new InvoiceSnapshot(org.toString(), id, number, "CUST-A", "Acme Stores", due.minusDays(30),
                Optional.of(due), Money.of("250.00", "GBP"), Money.of("250.00", "GBP"), InvoiceStatus.OPEN, List.of(), false),
                "{}", Instant.parse("2025-01-01T00:00:00Z"));
    }

    /** INV-1 previewed into the final notice: a reminder and a note planned, two stages passed over. */
    PlannedAction previewFinalNotice() {
        PlannedAction reminder = new PlannedAction.SendReminder(ActionKey.forStage(org.toString(), "INV-1", "final-notice",
                "reminder", 0), "Final notice", "final");
        PlannedAction note = new PlannedAction.AddNote(ActionKey.forStage(org.toString(), "INV-1", "final-notice", "note", 1),
                "Final notice", "Final notice sent.");
        DunningState state = new DunningState(DunningStatus.ACTIVE, Optional.of("Final notice"), Optional.of(today),
                Optional.of(today.minusDays(20)), List.of("Final notice"), List.of("Overdue notice", "Firmer reminder"),
                List.of(), Optional.of(today.plusDays(10)));
        recorder.record(new DecisionToRecord(new InvoiceRef(org, "INV-1"), StoredDunningState.NOT_STORED,
                new Decision(state, List.of(reminder, note), List.of("20 days overdue: the invoice reaches 'Final notice'.")),
                "default@1", today, DeliveryMode.PREVIEW_ONLY));
        return reminder;
    }

    ConsoleUser user(String name, ConsoleRole role, OrganisationId... assigned) {
        return ConsoleClient.user(accounts, name + "-" + suffix, name, role, PASSWORD, assigned);
    }

    String invoicePage() {
        return "/console/organisations/" + org + "/invoices/INV-1";
    }

    @Test
    void the_timeline_shows_the_decision_and_each_action_it_previewed_and_stage_it_passed_over_as_entries_of_their_own()
            throws Exception {
        previewFinalNotice();
        assertThat(auditRows()).as("one row for the decision and what it brought").isEqualTo(1);

        String page = ConsoleClient.signedIn(user("vera", ConsoleRole.VIEWER, org).username(), PASSWORD).get(invoicePage())
                .then().statusCode(200).extract().asString();
        String timeline = page.substring(page.indexOf("id=\"timeline\""));
        assertThat(timeline.split("<li>", -1)).hasSize(1 + 5);
        assertThat(timeline)
                .contains("<strong>DECISION</strong>", "20 days overdue: the invoice reaches &#39;Final notice&#39;.")
                .contains("Previewed (not sent while the organisation is in preview): reminder &#39;final&#39; for stage "
                        + "&#39;Final notice&#39;.", "template: final")
                .contains("Previewed (not sent while the organisation is in preview): note for stage &#39;Final notice&#39;.",
                        "text: Final notice sent.")
                .contains("Stage &#39;Overdue notice&#39; was passed over", "Stage &#39;Firmer reminder&#39; was passed over")
                .doesNotContain("followedBy");
        // Newest first, as one row each showed them: the stages passed over, the note, the reminder, the decision.
        assertThat(timeline.indexOf("Firmer reminder&#39; was passed")).isLessThan(timeline.indexOf("note for stage"));
        assertThat(timeline.indexOf("note for stage")).isLessThan(timeline.indexOf("reminder &#39;final&#39;"));
        assertThat(timeline.indexOf("reminder &#39;final&#39;")).isLessThan(timeline.indexOf("<strong>DECISION</strong>"));
    }

    @Test
    void an_accountant_opens_the_demand_letter_of_a_previewed_final_notice_and_nothing_is_kept() throws Exception {
        previewFinalNotice();
        ConsoleClient anna = ConsoleClient.signedIn(user("anna", ConsoleRole.ACCOUNTANT, org).username(), PASSWORD);
        anna.get(invoicePage()).then().statusCode(200).body(containsString("id=\"stage-document\""))
                .body(containsString(invoicePage() + "/document"));

        anna.get(invoicePage() + "/document").then().statusCode(200).contentType(containsString("text/plain"))
                .body(containsString("FINAL DEMAND FOR PAYMENT"))
                .body(containsString("Invoice 0101"))
                .body(containsString("Dear Acme Stores"));
        assertThat(documentsKept()).isZero();

        // The same service behind the admin API.
        given().auth().oauth2(operatorToken).get("/admin/documents/preview?organisation=" + org + "&invoice=INV-1")
                .then().statusCode(200).body(containsString("FINAL DEMAND FOR PAYMENT")).body(containsString("Invoice 0101"));
        assertThat(documentsKept()).isZero();
    }

    @Test
    void an_invoice_in_no_stage_has_no_document_to_render_and_says_why() {
        previewFinalNotice();
        ConsoleClient anna = ConsoleClient.signedIn(user("anna", ConsoleRole.ACCOUNTANT, org).username(), PASSWORD);
        String notStarted = "/console/organisations/" + org + "/invoices/INV-2";
        anna.get(notStarted).then().statusCode(200).body(not(containsString("id=\"stage-document\"")));
        anna.get(notStarted + "/document").then().statusCode(409).body(containsString("is in no stage yet"));
        anna.get("/console/organisations/" + org + "/invoices/NOPE/document").then().statusCode(404);
        given().auth().oauth2(operatorToken).get("/admin/documents/preview?organisation=" + org + "&invoice=INV-2")
                .then().statusCode(409).body("error", containsString("is in no stage yet"));
        given().auth().oauth2(operatorToken).get("/admin/documents/preview?organisation=" + org + "&invoice=NOPE")
                .then().statusCode(404).body("error", containsString("NOPE"));
        given().auth().oauth2(operatorToken).get("/admin/documents/preview?organisation=" + org)
                .then().statusCode(400).body("error", containsString("invoice"));
        given().get("/admin/documents/preview?organisation=" + org + "&invoice=INV-1").then().statusCode(401);
    }

    @Test
    void a_viewer_and_an_accountant_of_another_organisation_may_not_render_it() {
        previewFinalNotice();
        ConsoleClient vera = ConsoleClient.signedIn(user("vera", ConsoleRole.VIEWER, org).username(), PASSWORD);
        vera.get(invoicePage()).then().statusCode(200).body(not(containsString("id=\"stage-document\"")));
        vera.get(invoicePage() + "/document").then().statusCode(403);

        OrganisationId other = organisations.create(new NewOrganisation("Other " + suffix, LedgerProvider.XERO,
                ZoneId.of("Europe/London"), "GB", Money.currency("GBP"), "default")).id();
        ConsoleClient otto = ConsoleClient.signedIn(user("otto", ConsoleRole.ACCOUNTANT, other).username(), PASSWORD);
        otto.get(invoicePage() + "/document").then().statusCode(403).body(not(containsString("FINAL DEMAND")));
    }

    private long auditRows() throws Exception {
        return count("select count(*) from audit_event where organisation_id = ? and invoice_id is not null");
    }

    private long documentsKept() throws Exception {
        return count("select count(*) from escalation_document where organisation_id = ?");
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, org.value());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
