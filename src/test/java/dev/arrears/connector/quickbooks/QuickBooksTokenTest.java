package dev.arrears.connector.quickbooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.arrears.application.ConnectionStatus;
import dev.arrears.application.LedgerConnection;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.application.ledger.SyncReport;
import dev.arrears.persistence.TestClock;
import dev.arrears.web.health.ManagementPort;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(IntuitWireMock.class)
class QuickBooksTokenTest extends QuickBooksTestBase {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("test-client-id:test-client-secret".getBytes(StandardCharsets.UTF_8));

    @Test
    void an_expiring_access_token_is_refreshed_and_the_rotated_refresh_token_stored_before_use() {
        Company company = syncedThroughWithExpiringToken();
        intuit.stubFor(refresh(company).willReturn(json("""
                {"token_type":"bearer","access_token":"new-access","expires_in":3600,"refresh_token":"rotated-refresh",
                 "x_refresh_token_expires_in":8726400,"x_refresh_token_hard_expires_in":156032154}""")));
        intuit.stubFor(cdc(company).withHeader("Authorization", equalTo("Bearer new-access"))
                .willReturn(json(cdcResponse("2025-03-10T02:00:03.000-07:00", List.of(), List.of()))));

        SyncReport report = gateway.sync(company.org());

        assertThat(report.completed()).as(report.toString()).isTrue();
        assertThat(report.apiCalls()).isEqualTo(2); // the refresh counts
        LedgerConnection stored = connections.find(company.org()).orElseThrow();
        assertThat(stored.tokens().refreshToken()).isEqualTo("rotated-refresh");
        assertThat(stored.tokens().accessToken()).isEqualTo("new-access");
        assertThat(stored.tokens().accessTokenExpiresAt()).isEqualTo(TestClock.START.plusSeconds(3600));
        assertThat(stored.tokens().refreshTokenExpiresAt()).contains(TestClock.START.plusSeconds(8_726_400));
        assertThat(stored.tokens().refreshTokenHardExpiresAt()).contains(TestClock.START.plusSeconds(156_032_154));
        var token = requests("/oauth2/v1/tokens/bearer").getFirst();
        assertThat(token.getHeader("Authorization")).isEqualTo(BASIC);
        assertThat(token.getHeader("x-include-refresh-token-hard-expires-in")).isEqualTo("true");
    }

    @Test
    void invalid_grant_moves_the_company_to_needs_reconnect_and_is_not_retried() {
        Company company = syncedThroughWithExpiringToken();
        intuit.stubFor(refresh(company).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Incorrect or invalid refresh token\"}")));

        SyncReport report = gateway.sync(company.org());

        assertThat(report.stoppedBy()).get().isInstanceOf(LedgerFailure.NeedsReconnect.class);
        LedgerConnection stored = connections.find(company.org()).orElseThrow();
        assertThat(stored.status()).isEqualTo(ConnectionStatus.NEEDS_RECONNECT);
        assertThat(stored.tokens().refreshToken()).isEqualTo("refresh-" + company.realm());
        assertThat(organisations.find(company.org()).orElseThrow().mode()).isEqualTo(OrganisationMode.NEEDS_RECONNECT);
        assertThat(requests(company.path(""))).isEmpty();

        intuit.resetRequests();
        assertThat(gateway.sync(company.org()).stoppedBy()).get().isInstanceOf(LedgerFailure.NeedsReconnect.class);
        assertThat(intuit.getAllServeEvents()).isEmpty();
    }

    @Test
    void a_company_whose_refresh_token_was_refused_is_named_by_the_organisations_health_check() {
        Company company = syncedThroughWithExpiringToken();
        intuit.stubFor(refresh(company).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Incorrect or invalid refresh token\"}")));
        String name = organisations.find(company.org()).orElseThrow().displayName();

        gateway.sync(company.org());

        // Degraded, not down: the group answers 200 and names the company with its id.
        RestAssured.given().baseUri(ManagementPort.base(management)).when().get("q/health/group/organisations")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks[0].data.degraded", is(true))
                .body("checks[0].data.needsReconnect", containsString(name + " (" + company.org() + ")"));
        // The refused refresh is counted for the operator's dashboard.
        RestAssured.given().baseUri(ManagementPort.base(management)).when().get("q/metrics")
                .then().statusCode(200)
                .body(matchesPattern("(?s).*\\narrears_ledger_calls_total\\{operation=\"tokens/bearer\",provider=\"quickbooks\",status=\"400\"} [1-9].*"))
                .body(matchesPattern("(?s).*\\narrears_ledger_token_refusals_total\\{provider=\"quickbooks\"} [1-9].*"));
    }

    @Test
    void a_3200_fault_refreshes_once_and_repeats_the_request() {
        Company company = syncedThrough(TestClock.START.minus(Duration.ofHours(1)));
        intuit.stubFor(cdc(company).withHeader("Authorization", equalTo("Bearer access-" + company.realm()))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("""
                        {"warnings":null,"fault":{"error":[{"message":"message=AuthenticationFailed; errorCode=003200; statusCode=401",
                         "detail":"Token expired: <redacted>","code":"3200","element":null}],"type":"AUTHENTICATION"},"time":1601391072830}""")));
        intuit.stubFor(post(urlPathEqualTo("/oauth2/v1/tokens/bearer")).willReturn(json("""
                {"token_type":"bearer","access_token":"after-3200","expires_in":3600,"refresh_token":"refresh-2",
                 "x_refresh_token_expires_in":8726400}""")));
        intuit.stubFor(cdc(company).withHeader("Authorization", equalTo("Bearer after-3200"))
                .willReturn(json(cdcResponse("2025-03-10T02:00:03.000-07:00", List.of(), List.of()))));

        SyncReport report = gateway.sync(company.org());

        assertThat(report.completed()).as(report.toString()).isTrue();
        assertThat(requests(company.path("cdc"))).hasSize(2);
        assertThat(connections.find(company.org()).orElseThrow().tokens().refreshToken()).isEqualTo("refresh-2");
    }

    @Test
    void a_3200_after_a_fresh_refresh_needs_a_reconnect() {
        Company company = syncedThrough(TestClock.START.minus(Duration.ofHours(1)));
        intuit.stubFor(cdc(company).willReturn(fault(401, "3200", "message=AuthenticationFailed; errorCode=003200; statusCode=401", "")));
        intuit.stubFor(post(urlPathEqualTo("/oauth2/v1/tokens/bearer")).willReturn(json("""
                {"access_token":"a2","expires_in":3600,"refresh_token":"r2","x_refresh_token_expires_in":8726400}""")));

        SyncReport report = gateway.sync(company.org());

        assertThat(report.stoppedBy()).get().isInstanceOf(LedgerFailure.NeedsReconnect.class);
        assertThat(connections.find(company.org()).orElseThrow().status()).isEqualTo(ConnectionStatus.NEEDS_RECONNECT);
    }

    private Company syncedThroughWithExpiringToken() {
        Company company = connected(TestClock.START.plusSeconds(60)); // inside the 5-minute margin
        connections.advanceCursor(company.org(), new dev.arrears.application.SyncCursor(java.util.Optional.of("cdc"),
                java.util.Optional.of(TestClock.START.minus(Duration.ofHours(1)))));
        return company;
    }

    private static MappingBuilder refresh(Company company) {
        return post(urlPathEqualTo("/oauth2/v1/tokens/bearer"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=refresh-" + company.realm()));
    }
}
