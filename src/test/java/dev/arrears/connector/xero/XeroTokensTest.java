package dev.arrears.connector.xero;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.arrears.application.ConnectionStatus;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.ledger.InvoiceReading;
import dev.arrears.application.ledger.LedgerFailure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(XeroWireMock.class)
class XeroTokensTest extends XeroTestBase {

    static final String INVOICE = "7ef31b20-de17-4312-8382-412f869b1510";

    void invoiceAnswers() {
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices/" + INVOICE))
                .willReturn(json(page(invoice(INVOICE, "INV-0003", NOW.minusSeconds(3600))))));
    }

    @Test
    void a_token_near_expiry_is_rotated_and_the_new_pair_stored_before_use() {
        clock.advance(Duration.ofMinutes(26)); // 4 minutes left, inside the 5-minute margin
        xero.stubFor(post("/connect/token").willReturn(tokens("access-token-2", "refresh-token-2")));
        invoiceAnswers();

        assertThat(gateway.reread(org, INVOICE)).isInstanceOf(InvoiceReading.Found.class);

        var stored = connections.find(org).orElseThrow().tokens();
        assertThat(stored.refreshToken()).isEqualTo("refresh-token-2");
        assertThat(stored.accessToken()).isEqualTo("access-token-2");
        assertThat(stored.accessTokenExpiresAt()).isEqualTo(clock.instant().plusSeconds(1800));
        xero.verify(1, postRequestedFor(urlPathEqualTo("/connect/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=" + REFRESH)));
        xero.verify(getRequestedFor(urlPathEqualTo("/api.xro/2.0/Invoices/" + INVOICE))
                .withHeader("Authorization", equalTo("Bearer access-token-2"))
                .withHeader("xero-tenant-id", equalTo(tenant)));
    }

    @Test
    void a_fresh_token_is_used_without_refreshing() {
        invoiceAnswers();
        gateway.reread(org, INVOICE);
        xero.verify(0, postRequestedFor(urlPathEqualTo("/connect/token")));
    }

    @Test
    void a_lost_refresh_answer_is_recovered_with_the_previous_token_inside_its_grace_window() {
        clock.advance(Duration.ofMinutes(29));
        // Xero rotated the token but the answer was lost; the old token still works for 30 minutes.
        xero.stubFor(post("/connect/token").inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("grace"));
        xero.stubFor(post("/connect/token").inScenario("lost").whenScenarioStateIs("grace")
                .willReturn(tokens("access-token-3", "refresh-token-3")));
        invoiceAnswers();

        assertThat(gateway.reread(org, INVOICE)).isInstanceOf(InvoiceReading.Found.class);

        xero.verify(2, postRequestedFor(urlPathEqualTo("/connect/token")).withRequestBody(containing("refresh_token=" + REFRESH)));
        assertThat(connections.find(org).orElseThrow().tokens().refreshToken()).isEqualTo("refresh-token-3");
    }

    @Test
    void a_throttled_refresh_is_tried_again_later_not_taken_for_a_refusal() {
        clock.advance(Duration.ofMinutes(29));
        xero.stubFor(post("/connect/token").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));

        InvoiceReading reading = gateway.reread(org, INVOICE);

        assertThat(reading).isInstanceOfSatisfying(InvoiceReading.Failed.class,
                f -> assertThat(f.failure()).isInstanceOf(LedgerFailure.RetryLater.class));
        assertThat(connections.find(org).orElseThrow().status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void a_refresh_whose_answers_stay_lost_keeps_the_old_token_for_the_next_attempt() {
        clock.advance(Duration.ofMinutes(29));
        xero.stubFor(post("/connect/token").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        InvoiceReading reading = gateway.reread(org, INVOICE);

        assertThat(reading).isInstanceOfSatisfying(InvoiceReading.Failed.class,
                f -> assertThat(f.failure()).isInstanceOf(LedgerFailure.RetryLater.class));
        assertThat(connections.find(org).orElseThrow().tokens().refreshToken()).isEqualTo(REFRESH);
        assertThat(connections.find(org).orElseThrow().status()).isEqualTo(ConnectionStatus.ACTIVE);

        // Ten minutes later, still inside Xero's 30-minute grace, the old token gets through.
        clock.advance(Duration.ofMinutes(10));
        xero.resetAll();
        xero.stubFor(post("/connect/token").willReturn(tokens("access-token-4", "refresh-token-4")));
        invoiceAnswers();
        assertThat(gateway.reread(org, INVOICE)).isInstanceOf(InvoiceReading.Found.class);
        assertThat(connections.find(org).orElseThrow().tokens().refreshToken()).isEqualTo("refresh-token-4");
    }

    @Test
    void invalid_grant_marks_the_organisation_for_reconnection_and_is_never_retried() {
        clock.advance(Duration.ofMinutes(29));
        xero.stubFor(post("/connect/token").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_grant\"}")));

        InvoiceReading reading = gateway.reread(org, INVOICE);

        assertThat(reading).isInstanceOfSatisfying(InvoiceReading.Failed.class,
                f -> assertThat(f.failure()).isInstanceOf(LedgerFailure.NeedsReconnect.class));
        xero.verify(1, postRequestedFor(urlPathEqualTo("/connect/token")));
        assertThat(connections.find(org).orElseThrow().status()).isEqualTo(ConnectionStatus.NEEDS_RECONNECT);
        assertThat(connections.find(org).orElseThrow().statusReason()).get().asString().contains("invalid_grant");
        assertThat(organisations.find(org).orElseThrow().mode()).isEqualTo(OrganisationMode.NEEDS_RECONNECT);

        // Later calls do not even try.
        assertThat(gateway.sync(org).stoppedBy()).get().isInstanceOf(LedgerFailure.NeedsReconnect.class);
        xero.verify(1, postRequestedFor(urlPathEqualTo("/connect/token")));
        xero.verify(0, getRequestedFor(urlPathEqualTo("/api.xro/2.0/Invoices")));
    }

    @Test
    void a_401_refreshes_once_and_retries_then_a_second_401_needs_a_reconnect() {
        xero.stubFor(post("/connect/token").willReturn(tokens("access-token-5", "refresh-token-5")));
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices/" + INVOICE)).withHeader("Authorization", equalTo("Bearer " + ACCESS))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"Type\":null,\"Title\":\"Unauthorized\",\"Status\":401,\"Detail\":\"TokenExpired: token expired\"}")));
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices/" + INVOICE)).withHeader("Authorization", equalTo("Bearer access-token-5"))
                .willReturn(json(page(invoice(INVOICE, "INV-0003", NOW)))));

        assertThat(gateway.reread(org, INVOICE)).isInstanceOf(InvoiceReading.Found.class);
        xero.verify(1, postRequestedFor(urlPathEqualTo("/connect/token")));

        xero.resetAll();
        xero.stubFor(post("/connect/token").willReturn(tokens("access-token-6", "refresh-token-6")));
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices/" + INVOICE)).willReturn(aResponse().withStatus(401)));
        InvoiceReading reading = gateway.reread(org, INVOICE);
        assertThat(reading).isInstanceOfSatisfying(InvoiceReading.Failed.class,
                f -> assertThat(f.failure()).isInstanceOf(LedgerFailure.NeedsReconnect.class));
        xero.verify(1, postRequestedFor(urlPathEqualTo("/connect/token")));
        assertThat(connections.find(org).orElseThrow().status()).isEqualTo(ConnectionStatus.NEEDS_RECONNECT);
    }

    @Test
    void a_403_for_a_tenant_no_longer_connected_needs_a_reconnect() {
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices/" + INVOICE)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"Type\":null,\"Title\":\"Forbidden\",\"Status\":403,\"Detail\":\"AuthenticationUnsuccessful\"}")));

        assertThat(gateway.reread(org, INVOICE)).isInstanceOfSatisfying(InvoiceReading.Failed.class,
                f -> assertThat(f.failure().reason()).contains("AuthenticationUnsuccessful"));
        assertThat(organisations.find(org).orElseThrow().mode()).isEqualTo(OrganisationMode.NEEDS_RECONNECT);
    }

    @Test
    void organisations_of_one_consent_share_their_token_set_and_are_refreshed_together() {
        String group = "group-" + org;
        settings.save(settings.find(org).orElseThrow().withTokenGroup(Optional.of(group)));
        OrganisationId sibling = connected(id(), ACCESS, NOW.plus(Duration.ofMinutes(30)), REFRESH, Optional.of(group));
        clock.advance(Duration.ofMinutes(27));
        xero.stubFor(post("/connect/token").willReturn(tokens("access-token-7", "refresh-token-7")));
        invoiceAnswers();

        gateway.reread(org, INVOICE);
        gateway.reread(sibling, INVOICE);

        xero.verify(1, postRequestedFor(urlPathEqualTo("/connect/token")));
        assertThat(connections.find(org).orElseThrow().tokens().refreshToken()).isEqualTo("refresh-token-7");
        assertThat(connections.find(sibling).orElseThrow().tokens().refreshToken()).isEqualTo("refresh-token-7");
    }
}
