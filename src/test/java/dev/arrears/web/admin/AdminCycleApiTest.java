package dev.arrears.web.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.arrears.application.ConnectionStore;
import dev.arrears.application.IncomingInvoice;
import dev.arrears.application.SyncPage;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.OAuthTokens;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.cycle.DecideOrganisation;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import dev.arrears.web.health.ManagementPort;
import dev.arrears.web.security.TestOperator;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator's controls over the cycle, on the application as wired (this build has no ledger
 * connector, so a cycle is recorded as failed for that reason: the daemon works without any).
 */
@QuarkusTest
class AdminCycleApiTest {

    static final String TOKEN = TestOperator.TOKEN;

    @Inject
    OrganisationStore organisations;
    @Inject
    InvoiceStore invoices;
    @Inject
    DecideOrganisation decide;
    @Inject
    Clock clock;
    @Inject
    ConnectionStore connections;
    @Inject
    AgroalDataSource database;
    @TestHTTPResource(value = "/", management = true)
    URL management;

    OrganisationId org;

    @BeforeEach
    void previewOrganisationWithOneDecidedInvoice() {
        org = organisations.create(new NewOrganisation("Admin Api Ltd", LedgerProvider.XERO, ZoneId.of("Europe/London"), "GB",
                Money.currency("GBP"), "default")).id();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
        InvoiceSnapshot invoice = new InvoiceSnapshot(org.toString(), "INV-API", "0042", "CUST-API", "Api Customer",
                today.minusDays(40), Optional.of(today.minusDays(2)), Money.of("300.00", "GBP"), Money.of("300.00", "GBP"),
                InvoiceStatus.OPEN, List.of(), false);
        invoices.store(SyncPage.of(org, List.of(new IncomingInvoice(invoice, "{}", Instant.parse("2025-01-01T00:00:00Z")))));
        decide.decide(organisations.find(org).orElseThrow(), clock.instant());
    }

    @Test
    void the_organisation_list_names_each_ledger_id_even_when_a_stored_token_cannot_be_opened() throws Exception {
        String tenant = "tenant-" + org;
        connections.connect(org, LedgerProvider.XERO, tenant, new OAuthTokens("access", clock.instant().plusSeconds(1800),
                "refresh", Optional.empty(), Optional.empty()), "offline_access");
        try (var c = database.getConnection(); var s = c.prepareStatement(
                "update ledger_connection set refresh_token_ciphertext = decode('00', 'hex') where organisation_id = ?")) {
            s.setObject(1, org.value());
            s.executeUpdate();
        }

        try {
            given().auth().oauth2(TOKEN).when().get("/admin/organisations")
                    .then().statusCode(200)
                    .body("find { it.id == '" + org + "' }.ledgerTenantId", equalTo(tenant));
        } finally {
            organisations.setMode(org, OrganisationMode.PAUSED); // no later cycle of another test takes it up
        }
    }

    @Test
    void running_an_organisation_whose_ledger_is_not_connected_records_why_and_shows_it() {
        given().auth().oauth2(TOKEN).when().post("/admin/organisations/{id}/cycle", org.toString())
                .then().statusCode(200)
                .body("result", equalTo("failed"))
                .body("summary", containsString("has no Xero connection"));

        given().auth().oauth2(TOKEN).when().get("/admin/organisations")
                .then().statusCode(200)
                .body("find { it.id == '" + org + "' }.lastCycleError", containsString("has no Xero connection"))
                .body("find { it.id == '" + org + "' }.consecutiveFailures", equalTo(1))
                // No connection at all: a person has to connect it before anything else can happen.
                .body("find { it.id == '" + org + "' }.mode", equalTo("NEEDS_RECONNECT"));

        // The failed settings step was timed, by provider and step, and the figure is scraped from the management port.
        String scraped = given().baseUri(ManagementPort.base(management)).when().get("q/metrics")
                .then().statusCode(200).extract().asString();
        assertThat(scraped).containsPattern("arrears_cycle_step_duration_seconds_count\\{provider=\"xero\",step=\"settings\"} [1-9]");
        assertThat(scraped.lines().filter(l -> l.startsWith("arrears_cycle_step_duration_seconds")))
                .isNotEmpty().noneMatch(l -> l.contains("organisation"));
    }

    @Test
    void run_all_asks_every_replica_to_cycle_at_its_next_tick() {
        given().auth().oauth2(TOKEN).when().post("/admin/cycle/run")
                .then().statusCode(202)
                .body("organisations", hasItem(org.toString()));
        given().auth().oauth2(TOKEN).when().get("/admin/organisations/{id}", org.toString())
                .then().statusCode(200).body("cycleRequestedAt", not(equalTo(null)));
    }

    @Test
    void pause_resume_live_and_preview_move_the_organisation_and_its_outbox() {
        given().auth().oauth2(TOKEN).when().post("/admin/organisations/{id}/pause", org.toString())
                .then().statusCode(200).body("mode", equalTo("PAUSED"));
        given().auth().oauth2(TOKEN).when().post("/admin/organisations/{id}/cycle", org.toString())
                .then().statusCode(200).body("result", equalTo("skipped"));
        given().auth().oauth2(TOKEN).when().post("/admin/organisations/{id}/live", org.toString())
                .then().statusCode(409).body("error", containsString("resume it first"));
        given().auth().oauth2(TOKEN).when().post("/admin/organisations/{id}/resume", org.toString())
                .then().statusCode(200).body("mode", equalTo("PREVIEW"));

        given().auth().oauth2(TOKEN).when().post("/admin/organisations/{id}/live", org.toString())
                .then().statusCode(200)
                .body("organisation.mode", equalTo("LIVE"))
                .body("promoted", hasItem(org + ":INV-API:stage:overdue-notice:reminder:0"));
        given().auth().oauth2(TOKEN).when().get("/admin/organisations/{id}/outbox?status=pending", org.toString())
                .then().statusCode(200).body("", hasSize(1)).body("[0].kind", equalTo("SEND_REMINDER"));

        given().auth().oauth2(TOKEN).when().post("/admin/organisations/{id}/preview", org.toString())
                .then().statusCode(200).body("mode", equalTo("PREVIEW"));
        given().auth().oauth2(TOKEN).when().get("/admin/organisations/{id}/outbox?status=PENDING", org.toString())
                .then().statusCode(200).body("", empty());
    }

    @Test
    void the_audit_trail_is_queryable_per_invoice_and_per_customer() {
        given().auth().oauth2(TOKEN).when().get("/admin/audit/invoices/{org}/{invoice}", org.toString(), "INV-API")
                .then().statusCode(200)
                .body("kind", hasItem("DECISION"))
                .body("kind", hasItem("ACTION_PREVIEWED"))
                .body("kind", hasItem("STAGE_SKIPPED"));
        given().auth().oauth2(TOKEN).when().get("/admin/audit/customers/{org}/{customer}?limit=5", org.toString(), "CUST-API")
                .then().statusCode(200)
                .body("customerId", hasItem("CUST-API"))
                .body("invoiceId", hasItem("INV-API"));
    }

    @Test
    void mistakes_get_clear_answers_and_strangers_get_nothing() {
        given().auth().oauth2(TOKEN).when().post("/admin/organisations/{id}/pause", "not-a-uuid")
                .then().statusCode(400).body("error", containsString("not an organisation id"));
        given().auth().oauth2(TOKEN).when().get("/admin/organisations/{id}", OrganisationId.random().toString())
                .then().statusCode(404);
        given().auth().oauth2(TOKEN).when().get("/admin/organisations/{id}/outbox?status=LOST", org.toString())
                .then().statusCode(400);
        given().when().post("/admin/cycle/run").then().statusCode(401);
        given().when().get("/admin/audit/customers/{org}/{customer}", org.toString(), "CUST-API").then().statusCode(401);
    }
}
