package dev.arrears.connector.quickbooks;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arrears.application.ConnectionStatus;
import dev.arrears.application.LedgerConnection;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.connection.ConnectionRefusedException;
import dev.arrears.application.connection.LateFeeChoice;
import dev.arrears.application.connection.LateFeeOptions;
import dev.arrears.application.connection.LedgerOption;
import dev.arrears.application.ledger.LedgerChoices;
import dev.arrears.application.ledger.LedgerFacts;
import dev.arrears.application.ledger.SettingsReport;
import dev.arrears.persistence.TableLock;
import dev.arrears.persistence.TestClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(IntuitWireMock.class)
class QuickBooksOnboardingTest extends QuickBooksTestBase {

    private static final String OPERATOR = "Bearer test-operator-token-not-a-secret-0001";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    QuickBooksOnboarding onboarding;

    /**
     * A replica's cycle leases any organisation it can see. Registration must make a new company and
     * its connection visible together: an organisation seen without its connection is marked as
     * needing a reconnect (seen under load in DemoEndToEndIT and TwoReplicasIT).
     */
    @Test
    void a_registered_company_becomes_visible_together_with_its_connection() throws Exception {
        String realm = "4620816399";
        intuit.stubFor(post(urlPathEqualTo("/oauth2/v1/tokens/bearer")).withRequestBody(containing("refresh_token=atomic-token"))
                .willReturn(json("""
                        {"access_token":"a1","expires_in":3600,"refresh_token":"atomic-rotated","x_refresh_token_expires_in":8726400}""")));
        stubSettings(realm, "America/Chicago", "0");
        String unconnected = "select count(*) from organisation o where not exists"
                + " (select 1 from ledger_connection c where c.organisation_id = o.id)";
        TableLock.Seen<Integer> seen = TableLock.whileWriterWaits(dataSource, "ledger_connection", unconnected,
                () -> CompletableFuture.supplyAsync(() -> given().header("Authorization", OPERATOR)
                            .contentType(ContentType.JSON).body(Map.of("realmId", realm, "refreshToken", "atomic-token"))
                            .post("/admin/quickbooks/companies").then().extract().statusCode()));
        assertThat(seen.work().get()).isEqualTo(201);
        assertThat(seen.whileWriting()).as("organisations visible without a connection while the company registers")
                .isEqualTo(seen.before());
        assertThat(connections.findByTenant(LedgerProvider.QUICKBOOKS, realm)).isPresent();
    }

    @Test
    void connect_through_the_oauth_callback_with_state_from_the_database() {
        String realm = "4620816365";
        String authorizeUrl = given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("policyId", "default")).post("/admin/quickbooks/authorisations")
                .then().statusCode(200).extract().path("authorizeUrl");
        Map<String, String> params = queryOf(URI.create(authorizeUrl));
        assertThat(params).containsEntry("client_id", "test-client-id").containsEntry("response_type", "code")
                .containsEntry("scope", "com.intuit.quickbooks.accounting")
                .containsEntry("redirect_uri", "https://arrears.example.com/quickbooks/oauth/callback");
        String state = params.get("state");
        intuit.stubFor(post(urlPathEqualTo("/oauth2/v1/tokens/bearer"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=the-code"))
                .withRequestBody(containing("redirect_uri=https%3A%2F%2Farrears.example.com%2Fquickbooks%2Foauth%2Fcallback"))
                .willReturn(json("""
                        {"token_type":"bearer","access_token":"first-access","expires_in":3600,"refresh_token":"first-refresh",
                         "x_refresh_token_expires_in":8726400,"x_refresh_token_hard_expires_in":157680000}""")));
        stubSettings(realm, "America/Los_Angeles", "0");

        String organisation = given().queryParam("code", "the-code").queryParam("state", state).queryParam("realmId", realm)
                .get("/quickbooks/oauth/callback").then().statusCode(200).extract().path("organisationId");

        OrganisationId id = OrganisationId.parse(organisation);
        Organisation org = organisations.find(id).orElseThrow();
        assertThat(org.provider()).isEqualTo(LedgerProvider.QUICKBOOKS);
        assertThat(org.displayName()).isEqualTo("Sonnenschein Family Store");
        assertThat(org.timeZone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        LedgerConnection connection = connections.findByTenant(LedgerProvider.QUICKBOOKS, realm).orElseThrow();
        assertThat(connection.organisationId()).isEqualTo(id);
        assertThat(connection.tokens().refreshToken()).isEqualTo("first-refresh");
        assertThat(connection.tokens().refreshTokenHardExpiresAt()).contains(TestClock.START.plusSeconds(157_680_000));

        // A state is good for one callback only.
        given().queryParam("code", "the-code").queryParam("state", state).queryParam("realmId", realm)
                .get("/quickbooks/oauth/callback").then().statusCode(400).body(containsString("start the connection again"));
    }

    @Test
    void a_company_is_registered_headlessly_from_a_refresh_token_and_disconnecting_revokes_it() {
        String realm = "4620816366";
        intuit.stubFor(post(urlPathEqualTo("/oauth2/v1/tokens/bearer")).withRequestBody(containing("refresh_token=playground-token"))
                .willReturn(json("""
                        {"access_token":"a1","expires_in":3600,"refresh_token":"rotated-on-registration","x_refresh_token_expires_in":8726400}""")));
        stubSettings(realm, null, "0");

        given().contentType(ContentType.JSON).body(Map.of("realmId", realm, "refreshToken", "playground-token"))
                .post("/admin/quickbooks/companies").then().statusCode(401);
        String organisation = given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("realmId", realm, "refreshToken", "playground-token", "timeZone", "America/New_York"))
                .post("/admin/quickbooks/companies").then().statusCode(201)
                .body(containsString("does not say which time zone")).extract().path("organisationId");

        OrganisationId id = OrganisationId.parse(organisation);
        assertThat(connections.find(id).orElseThrow().tokens().refreshToken()).isEqualTo("rotated-on-registration");
        assertThat(organisations.find(id).orElseThrow().timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        // The settings just read count as the day's read: the first cycle does not ask Intuit again.
        given().header("Authorization", OPERATOR).get("/admin/organisations/" + organisation)
                .then().statusCode(200).body("settingsRefreshedAt", org.hamcrest.Matchers.notNullValue());

        intuit.stubFor(post(urlPathEqualTo("/v2/oauth2/tokens/revoke")).willReturn(json("{}")));
        given().header("Authorization", OPERATOR).delete("/admin/quickbooks/companies/" + organisation).then().statusCode(204);
        intuit.verify(postRequestedFor(urlPathEqualTo("/v2/oauth2/tokens/revoke"))
                .withRequestBody(equalToJson("{\"token\":\"rotated-on-registration\"}")));
        assertThat(connections.find(id).orElseThrow().status()).isEqualTo(ConnectionStatus.REVOKED);
    }

    @Test
    void settings_create_the_late_fee_item_once_and_warn_about_quickbooks_own_late_fees() {
        Company company = connected();
        profiles.saveChoices(company.org(), new LedgerChoices(Optional.empty(), Optional.empty(), Optional.of("79"), Optional.empty(), false));
        stubSettings(company.realm(), "America/Denver", "120.00");
        intuit.stubFor(query(company, "from Item where Name = 'Late fee (Arrears)'").inScenario("item")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(json(queryResponse("Item", List.of()))));
        intuit.stubFor(post(urlPathEqualTo(company.path("item"))).inScenario("item")
                .willReturn(json("{\"Item\":{\"Id\":\"33\",\"Type\":\"Service\",\"Active\":true}}")).willSetStateTo("created"));
        ObjectNode item = QboJson.object().put("Id", "33").put("Name", "Late fee (Arrears)").put("Type", "Service").put("Active", true);
        intuit.stubFor(query(company, "from Item where Name = 'Late fee (Arrears)'").inScenario("item").whenScenarioStateIs("created")
                .willReturn(json(queryResponse("Item", List.of(item)))));

        SettingsReport first = gateway.refreshSettings(company.org());
        SettingsReport second = gateway.refreshSettings(company.org());

        assertThat(first.failure()).isEmpty();
        assertThat(first.ledgerChasesToo()).isTrue();
        assertThat(first.lateFeesBlockedBecause()).get().asString().contains("QuickBooks' own automatic late fees");
        assertThat(first.warnings()).contains(QuickBooksSettingsReader.REMINDERS_WARNING);
        assertThat(requests(company.path("item"))).hasSize(1);
        LedgerFacts facts = profiles.find(company.org()).facts().orElseThrow();
        assertThat(facts.lateFeeItemId()).contains("33");
        assertThat(facts.lateFeeItemCreated()).isTrue();
        assertThat(organisations.find(company.org()).orElseThrow().timeZone()).isEqualTo(ZoneId.of("America/Denver"));
        assertThat(second.lateFeesBlockedBecause()).isPresent();

        // The accountant allows fees beside QuickBooks' own: nothing blocks them any more.
        profiles.saveChoices(company.org(), new LedgerChoices(Optional.empty(), Optional.empty(), Optional.of("79"), Optional.empty(), true));
        assertThat(gateway.refreshSettings(company.org()).lateFeesBlockedBecause()).isEmpty();
    }

    @Test
    void arrears_own_fees_on_a_late_fee_income_account_are_not_taken_for_quickbooks_own_and_do_not_stop_later_fees() {
        Company company = connected();
        // The accountant's fee item books to "Late fee income" (account 91), which holds Arrears' first fee.
        profiles.saveChoices(company.org(), new LedgerChoices(Optional.empty(), Optional.of("33"), Optional.empty(), Optional.empty(), false));
        stubSettings(company.realm(), "America/Denver", "25.00");
        intuit.stubFor(get(urlPathEqualTo(company.path("item/33"))).willReturn(json(
                "{\"Item\":{\"Id\":\"33\",\"Type\":\"Service\",\"Active\":true,\"IncomeAccountRef\":{\"value\":\"91\"}}}")));

        SettingsReport report = gateway.refreshSettings(company.org());

        assertThat(report.failure()).isEmpty();
        assertThat(report.lateFeesBlockedBecause()).as("Arrears' own first fee does not stop the next").isEmpty();
        assertThat(report.ledgerChasesToo()).isFalse();
        assertThat(report.warnings()).anyMatch(w -> w.contains("cannot tell whether those are on"));
    }

    @Test
    void a_company_outside_the_us_chooses_its_fee_lines_tax_code_among_its_active_tax_codes() {
        Company company = connected();
        profiles.saveFacts(company.org(), new LedgerFacts("Maple & Birch Ltd", ZoneId.of("America/Toronto"), "CA",
                dev.arrears.domain.money.Money.currency("CAD"), false, false, Optional.of("33"), false, Optional.empty(), TestClock.START));
        intuit.stubFor(query(company, "from Account where AccountType = 'Income'").willReturn(json(queryResponse("Account", List.of()))));
        intuit.stubFor(query(company, "from Item where Type = 'Service'").willReturn(json(queryResponse("Item", List.of()))));
        intuit.stubFor(query(company, "select * from TaxCode where Active = true").willReturn(json(queryResponse("TaxCode", List.of(
                QboJson.object().put("Id", "3").put("Name", "HST ON").put("Active", true).put("Taxable", true),
                QboJson.object().put("Id", "5").put("Name", "Exempt").put("Active", true).put("Taxable", false))))));

        LateFeeOptions.Listed options = (LateFeeOptions.Listed) onboarding.lateFeeOptions(company.org());
        assertThat(options.taxRates()).extracting(LedgerOption::code, LedgerOption::label)
                .containsExactly(tuple("3", "HST ON"), tuple("5", "Exempt"));

        assertThatThrownBy(() -> onboarding.chooseLateFee(company.org(), new LateFeeChoice(Optional.empty(), Optional.of("TAX"),
                Optional.of("33")))).isInstanceOf(ConnectionRefusedException.class)
                .hasMessage("taxRate TAX is not an active tax code of this QuickBooks company (it offers: 3, 5); nothing was saved");
        assertThat(profiles.find(company.org()).choices().lateFeeTaxCode()).isEmpty();

        stubSettings(company.realm(), "America/Toronto", "0");
        intuit.stubFor(get(urlPathEqualTo(company.path("item/33"))).willReturn(json(
                "{\"Item\":{\"Id\":\"33\",\"Type\":\"Service\",\"Active\":true,\"IncomeAccountRef\":{\"value\":\"91\"}}}")));
        onboarding.chooseLateFee(company.org(), new LateFeeChoice(Optional.empty(), Optional.of("3"), Optional.of("33")));
        assertThat(profiles.find(company.org()).choices().lateFeeTaxCode()).contains("3");
    }

    @Test
    void a_hard_expiry_close_ahead_is_announced_to_the_accountant() {
        Company company = connected();
        connections.connect(company.org(), LedgerProvider.QUICKBOOKS, company.realm(), new dev.arrears.application.OAuthTokens(
                "access-x", TestClock.START.plusSeconds(3600), "refresh-x", Optional.empty(),
                Optional.of(TestClock.START.plus(java.time.Duration.ofDays(20)))), "com.intuit.quickbooks.accounting");
        stubSettings(company.realm(), "America/Chicago", "0");

        assertThat(gateway.refreshSettings(company.org()).warnings())
                .anyMatch(w -> w.startsWith("QuickBooks will end this connection for good on 2025-03-30"));
    }

    private void stubSettings(String realm, String timeZone, String lateFeeIncome) {
        Company company = new Company(null, realm);
        intuit.stubFor(get(urlPathEqualTo(company.path("companyinfo/" + realm))).willReturn(json(companyInfo(realm, timeZone))));
        intuit.stubFor(get(urlPathEqualTo(company.path("preferences"))).willReturn(json(preferences(false))));
        ObjectNode account = QboJson.object().put("Id", "91").put("Name", "Late fee income").put("AccountType", "Other Income")
                .put("CurrentBalance", new java.math.BigDecimal(lateFeeIncome));
        intuit.stubFor(get(urlPathEqualTo(company.path("query"))).withQueryParam("query",
                equalTo("select * from Account where Name = 'Late fee income'")).willReturn(json(queryResponse("Account", List.of(account)))));
    }

    private static Map<String, String> queryOf(URI uri) {
        Map<String, String> params = new java.util.HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return params;
    }
}
