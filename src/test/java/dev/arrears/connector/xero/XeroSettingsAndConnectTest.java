package dev.arrears.connector.xero;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arrears.application.ConnectionStatus;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.ledger.OrganisationLedgerSettings;
import dev.arrears.application.ledger.SettingsReport;
import dev.arrears.connector.oauth.Pkce;
import dev.arrears.persistence.TableLock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(XeroWireMock.class)
class XeroSettingsAndConnectTest extends XeroTestBase {

    static final String OPERATOR = "Bearer test-operator-token-not-a-secret-0001";

    void organisationAnswers(String tenantId, String name, String timezone, boolean demo) {
        ObjectNode org = JSON.createObjectNode();
        org.put("Name", name).put("BaseCurrency", "GBP").put("CountryCode", "GB").put("Timezone", timezone)
                .put("IsDemoCompany", demo).put("Edition", "BUSINESS").put("OrganisationID", tenantId);
        ObjectNode body = JSON.createObjectNode();
        body.putArray("Organisations").add(org);
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Organisation")).withHeader("xero-tenant-id", equalTo(tenantId))
                .willReturn(json(body)));
    }

    void remindersAnswer(boolean enabled) {
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/InvoiceReminders/Settings"))
                .willReturn(json("{\"InvoiceReminders\":[{\"Enabled\":" + enabled + "}]}")));
    }

    void chartAnswers(String accountStatus, String accountClass, boolean taxOnRevenue, boolean itemExists) {
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Accounts")).withQueryParam("where", equalTo("Code==\"260\""))
                .willReturn(json("{\"Accounts\":[{\"Code\":\"260\",\"Status\":\"" + accountStatus + "\",\"Class\":\"" + accountClass + "\"}]}")));
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/TaxRates")).withQueryParam("where", equalTo("TaxType==\"NONE\""))
                .willReturn(json("{\"TaxRates\":[{\"TaxType\":\"NONE\",\"Status\":\"ACTIVE\",\"CanApplyToRevenue\":" + taxOnRevenue + "}]}")));
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Items")).withQueryParam("where", equalTo("Code==\"LATEFEE\""))
                .willReturn(json(itemExists ? "{\"Items\":[{\"Code\":\"LATEFEE\",\"IsSold\":true,\"IsTrackedAsInventory\":false}]}"
                        : "{\"Items\":[]}")));
    }

    @Test
    void settings_give_the_zone_currency_and_country_and_warn_when_xero_reminds_too() {
        organisationAnswers(tenant, "Acme (UK) Ltd", "GMTSTANDARDTIME", false);
        remindersAnswer(true);

        SettingsReport report = gateway.refreshSettings(org);

        assertThat(report.failure()).isEmpty();
        assertThat(report.ledgerChasesToo()).isTrue();
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("Xero's own invoice reminders are switched on"));
        assertThat(report.lateFeesBlockedBecause()).get().asString().contains("no late-fee account, tax type and item chosen");
        Organisation stored = organisations.find(org).orElseThrow();
        assertThat(stored.timeZone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(stored.baseCurrency().getCurrencyCode()).isEqualTo("GBP");
        assertThat(stored.country()).isEqualTo("GB");
        assertThat(stored.displayName()).isEqualTo("Acme (UK) Ltd");
        assertThat(settings.find(org).orElseThrow().ledgerRemindersOn()).isTrue();

        // An accountant may allow both; the cycle then need not hold back.
        settings.save(settings.find(org).orElseThrow().withChaseDespiteLedgerReminders(true));
        SettingsReport allowed = gateway.refreshSettings(org);
        assertThat(allowed.ledgerChasesToo()).isFalse();
        assertThat(allowed.warnings()).anySatisfy(w -> assertThat(w).contains("customers may hear from both"));
    }

    @Test
    void late_fee_choices_are_checked_against_accounts_tax_rates_and_items() {
        organisationAnswers(tenant, "Acme", "GMTSTANDARDTIME", false);
        remindersAnswer(false);
        settings.save(settings.find(org).orElseThrow()
                .withLateFeeChoices(Optional.of("260"), Optional.of("NONE"), Optional.of("LATEFEE"), true));
        chartAnswers("ARCHIVED", "REVENUE", false, false);

        SettingsReport refused = gateway.refreshSettings(org);

        assertThat(refused.lateFeesBlockedBecause()).get().asString()
                .contains("account 260 is archived").contains("tax type NONE cannot be used on sales")
                .contains("item LATEFEE does not exist in Xero");
        assertThat(settings.find(org).orElseThrow().lateFeesBlockedBecause()).isEqualTo(refused.lateFeesBlockedBecause());

        xero.resetAll();
        organisationAnswers(tenant, "Acme", "GMTSTANDARDTIME", false);
        remindersAnswer(false);
        chartAnswers("ACTIVE", "REVENUE", true, true);
        SettingsReport accepted = gateway.refreshSettings(org);
        assertThat(accepted.lateFeesBlockedBecause()).isEmpty();
        assertThat(accepted.ledgerChasesToo()).isFalse();
    }

    @Test
    void a_choice_saved_while_the_settings_are_being_checked_is_kept_and_the_stale_check_is_not_stored() {
        organisationAnswers(tenant, "Acme", "GMTSTANDARDTIME", false);
        remindersAnswer(false);
        chartAnswers("ARCHIVED", "REVENUE", true, true);   // account 260 cannot be used
        settings.save(settings.find(org).orElseThrow()
                .withLateFeeChoices(Optional.of("260"), Optional.of("NONE"), Optional.of("LATEFEE"), true));
        // While Arrears asks Xero about its reminders, an accountant chooses account 200 instead.
        XeroWireMock.beforeAnswer = path -> {
            if (path.endsWith("/InvoiceReminders/Settings")) {
                settings.update(org, s -> s.withLateFeeChoices(Optional.of("200"), Optional.of("NONE"),
                        Optional.of("LATEFEE"), true));
            }
        };
        try {
            gateway.refreshSettings(org);
        } finally {
            XeroWireMock.beforeAnswer = path -> { };
        }

        OrganisationLedgerSettings stored = settings.find(org).orElseThrow();
        assertThat(stored.lateFeeAccountCode()).as("the accountant's choice is not overwritten").contains("200");
        assertThat(stored.lateFeesBlockedBecause()).as("260's problem is not pinned on 200")
                .isEqualTo(OrganisationLedgerSettings.initial(org, Optional.empty(), 0).lateFeesBlockedBecause());
    }

    @Test
    void connecting_through_the_consent_page_registers_every_organisation_of_that_consent() {
        String authEvent = id();
        String first = id(), second = id();
        // Start: the operator is sent to Xero's consent page with state and a PKCE challenge.
        String location = given().redirects().follow(false).header("Authorization", OPERATOR)
                .when().get("/admin/xero/connect?policy=default")
                .then().statusCode(303).extract().header("Location");
        Map<String, String> query = query(URI.create(location));
        assertThat(location).startsWith(xero.baseUrl() + "/identity/connect/authorize?");
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", "test-client-id")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", "http://localhost:8081/xero/callback")
                .containsEntry("scope", "offline_access accounting.invoices accounting.payments accounting.contacts.read accounting.settings.read");
        String state = query.get("state");

        String access = jwt(authEvent);
        xero.stubFor(post("/connect/token").withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(tokens(access, "refresh-from-consent")));
        xero.stubFor(get(urlPathEqualTo("/connections")).withQueryParam("authEventId", equalTo(authEvent))
                .willReturn(json("[{\"id\":\"" + id() + "\",\"tenantId\":\"" + first + "\",\"tenantType\":\"ORGANISATION\",\"tenantName\":\"One\","
                        + "\"authEventId\":\"" + authEvent + "\"},{\"id\":\"" + id() + "\",\"tenantId\":\"" + second
                        + "\",\"tenantType\":\"ORGANISATION\",\"tenantName\":\"Two\",\"authEventId\":\"" + authEvent + "\"}]")));
        organisationAnswers(first, "One Ltd", "GMTSTANDARDTIME", false);
        organisationAnswers(second, "Two Ltd", "NEWZEALANDSTANDARDTIME", true);
        remindersAnswer(false);

        given().when().get("/xero/callback?code=the-code&state=" + state)
                .then().statusCode(200).body("connected", hasSize(2));

        var tokenCall = xero.findAll(postRequestedFor(urlPathEqualTo("/connect/token"))).getFirst();
        Map<String, String> form = XeroSpec.form(tokenCall.getBodyAsString());
        assertThat(form).containsEntry("code", "the-code");
        assertThat(Pkce.challenge(form.get("code_verifier"))).isEqualTo(query.get("code_challenge"));
        var one = connections.findByTenant(LedgerProvider.XERO, first).orElseThrow();
        var two = connections.findByTenant(LedgerProvider.XERO, second).orElseThrow();
        assertThat(one.tokens().refreshToken()).isEqualTo("refresh-from-consent");
        assertThat(organisations.find(one.organisationId()).orElseThrow().mode()).isEqualTo(OrganisationMode.PREVIEW);
        assertThat(organisations.find(two.organisationId()).orElseThrow().timeZone()).isEqualTo(ZoneId.of("Pacific/Auckland"));
        assertThat(settings.find(one.organisationId()).orElseThrow().tokenGroup())
                .isPresent().isEqualTo(settings.find(two.organisationId()).orElseThrow().tokenGroup());
        assertThat(settings.find(two.organisationId()).orElseThrow().dailyEmailCap()).isZero(); // a demo company

        // A state works once.
        given().when().get("/xero/callback?code=the-code&state=" + state)
                .then().statusCode(400).body("error", containsString("already used"));
        xero.verify(1, postRequestedFor(urlPathEqualTo("/connect/token")));
    }

    @Inject
    AgroalDataSource dataSource;

    /**
     * A replica's cycle leases any organisation it can see: a new organisation must become visible
     * together with its connection, or the cycle finds none and marks it as needing a reconnect.
     */
    @Test
    void a_registered_organisation_becomes_visible_together_with_its_connection() throws Exception {
        String tenantId = id();
        xero.stubFor(post("/connect/token").willReturn(tokens(jwt(id()), "refresh-atomic")));
        xero.stubFor(get(urlPathEqualTo("/connections")).willReturn(json("[{\"id\":\"" + id() + "\",\"tenantId\":\"" + tenantId
                + "\",\"tenantType\":\"ORGANISATION\",\"tenantName\":\"Atomic\"}]")));
        organisationAnswers(tenantId, "Atomic Ltd", "GMTSTANDARDTIME", false);
        remindersAnswer(false);
        String unconnected = "select count(*) from organisation o where not exists"
                + " (select 1 from ledger_connection c where c.organisation_id = o.id)";
        TableLock.Seen<Integer> seen = TableLock.whileWriterWaits(dataSource, "ledger_connection", unconnected,
                () -> CompletableFuture.supplyAsync(() -> given().header("Authorization", OPERATOR)
                            .contentType(ContentType.JSON).body("{\"refreshToken\":\"pasted-atomic\",\"tenantId\":\"" + tenantId + "\"}")
                            .when().post("/admin/xero/organisations").then().extract().statusCode()));
        assertThat(seen.work().get()).isEqualTo(201);
        assertThat(seen.whileWriting()).as("organisations visible without a connection while one registers").isEqualTo(seen.before());
        assertThat(connections.findByTenant(LedgerProvider.XERO, tenantId)).isPresent();
    }

    @Test
    void an_organisation_can_be_registered_from_a_refresh_token_and_disconnected_through_the_admin_api() {
        String tenantId = id();
        xero.stubFor(post("/connect/token").willReturn(tokens(jwt(id()), "refresh-rotated")));
        xero.stubFor(get(urlPathEqualTo("/connections")).willReturn(json("[{\"id\":\"" + id() + "\",\"tenantId\":\"" + tenantId
                + "\",\"tenantType\":\"ORGANISATION\",\"tenantName\":\"Headless\"}]")));
        organisationAnswers(tenantId, "Headless Ltd", "GMTSTANDARDTIME", false);
        remindersAnswer(false);

        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"refreshToken\":\"pasted-refresh-token\",\"tenantId\":\"" + tenantId + "\"}")
                .when().post("/admin/xero/organisations")
                .then().statusCode(201).body("connected[0].name", containsString("Headless Ltd"));
        given().contentType(ContentType.JSON).body("{\"refreshToken\":\"x\"}")
                .when().post("/admin/xero/organisations").then().statusCode(401);

        var connection = connections.findByTenant(LedgerProvider.XERO, tenantId).orElseThrow();
        assertThat(connection.tokens().refreshToken()).isEqualTo("refresh-rotated");
        assertThat(XeroSpec.form(xero.findAll(postRequestedFor(urlPathEqualTo("/connect/token"))).getFirst().getBodyAsString()))
                .containsEntry("refresh_token", "pasted-refresh-token");

        xero.stubFor(post("/connect/revocation").willReturn(aResponse().withStatus(200)));
        OrganisationId id = connection.organisationId();
        given().header("Authorization", OPERATOR).when().delete("/admin/xero/organisations/" + id).then().statusCode(204);

        xero.verify(postRequestedFor(urlPathEqualTo("/connect/revocation")).withRequestBody(containing("token=refresh-rotated")));
        xero.verify(0, deleteRequestedFor(urlPathEqualTo("/connections")));
        assertThat(connections.find(id).orElseThrow().status()).isEqualTo(ConnectionStatus.REVOKED);
        assertThat(organisations.find(id).orElseThrow().mode()).isEqualTo(OrganisationMode.PAUSED);
    }

    @Test
    void disconnecting_one_organisation_of_a_shared_token_set_removes_only_its_connection() {
        String group = "g-" + org;
        settings.save(settings.find(org).orElseThrow().withTokenGroup(Optional.of(group)));
        OrganisationId sibling = connected(id(), ACCESS, NOW.plusSeconds(1800), REFRESH, Optional.of(group));
        String connectionId = id();
        xero.stubFor(get(urlPathEqualTo("/connections")).willReturn(json("[{\"id\":\"" + connectionId + "\",\"tenantId\":\""
                + tenant + "\",\"tenantType\":\"ORGANISATION\",\"tenantName\":\"Acme\"}]")));
        xero.stubFor(delete(urlPathEqualTo("/connections/" + connectionId)).willReturn(aResponse().withStatus(204)));

        given().header("Authorization", OPERATOR).when().delete("/admin/xero/organisations/" + org).then().statusCode(204);

        xero.verify(deleteRequestedFor(urlPathEqualTo("/connections/" + connectionId)));
        xero.verify(0, postRequestedFor(urlPathEqualTo("/connect/revocation")));
        assertThat(connections.find(org).orElseThrow().status()).isEqualTo(ConnectionStatus.REVOKED);
        assertThat(connections.find(sibling).orElseThrow().status()).isEqualTo(ConnectionStatus.ACTIVE);
        xero.verify(getRequestedFor(urlPathEqualTo("/connections")));
    }

    static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }
}
