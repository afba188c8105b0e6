package dev.arrears.connector.xero;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.ledger.InvoiceReading;
import dev.arrears.application.ledger.LedgerFailure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Optional;
import dev.arrears.application.ledger.LedgerThrottleStore;
import dev.arrears.connector.TestTicker;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(XeroWireMock.class)
class XeroLimitsTest extends XeroTestBase {

    /** The limits run on real time: the business clock stays at NOW in every test here, only the ticker moves. */
    @Inject
    TestTicker ticker;
    @Inject
    LedgerThrottleStore throttles;

    @BeforeEach
    void freezeRealTime() {
        ticker.freeze();
    }

    @AfterEach
    void thawRealTime() {
        ticker.thaw();
    }

    static final String INVOICE = "7ef31b20-de17-4312-8382-412f869b1510";
    static final String PATH = "/api.xro/2.0/Invoices/" + INVOICE;

    void answers() {
        xero.stubFor(get(urlPathEqualTo(PATH)).willReturn(json(page(invoice(INVOICE, "INV-0003", NOW)))));
    }

    static LedgerFailure.RetryLater retryLater(InvoiceReading reading) {
        assertThat(reading).isInstanceOf(InvoiceReading.Failed.class);
        LedgerFailure failure = ((InvoiceReading.Failed) reading).failure();
        assertThat(failure).isInstanceOf(LedgerFailure.RetryLater.class);
        return (LedgerFailure.RetryLater) failure;
    }

    @Test
    void a_429_pauses_the_organisation_for_retry_after_and_nothing_is_sent_inside_the_window() {
        xero.stubFor(get(urlPathEqualTo(PATH)).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30").withHeader("X-Rate-Limit-Problem", "minute")
                        .withHeader("X-MinLimit-Remaining", "0").withHeader("X-DayLimit-Remaining", "4000"))
                .willSetStateTo("open"));
        xero.stubFor(get(urlPathEqualTo(PATH)).inScenario("limit").whenScenarioStateIs("open")
                .willReturn(json(page(invoice(INVOICE, "INV-0003", NOW)))));

        LedgerFailure.RetryLater first = retryLater(gateway.reread(org, INVOICE));
        assertThat(first.notBefore()).contains(NOW.plusSeconds(30));
        assertThat(first.throttled()).as("a 429 is waited for, not a failed attempt").isTrue();

        ticker.advance(Duration.ofSeconds(29));
        LedgerFailure.RetryLater second = retryLater(gateway.reread(org, INVOICE));
        assertThat(second.notBefore()).as("the second left of the pause, in business time").contains(NOW.plusSeconds(1));
        assertThat(gateway.sync(org).stoppedBy()).get().isInstanceOf(LedgerFailure.RetryLater.class);
        xero.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
        xero.verify(0, getRequestedFor(urlPathEqualTo("/api.xro/2.0/Invoices")));

        ticker.advance(Duration.ofSeconds(1));
        assertThat(gateway.reread(org, INVOICE)).isInstanceOf(InvoiceReading.Found.class);
        xero.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void a_day_limit_429_pauses_for_the_hours_xero_names() {
        xero.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")
                .withHeader("X-Rate-Limit-Problem", "day").withHeader("X-DayLimit-Remaining", "0")));

        assertThat(retryLater(gateway.reread(org, INVOICE)).notBefore()).contains(NOW.plusSeconds(3600));
        ticker.advance(Duration.ofMinutes(59));
        retryLater(gateway.reread(org, INVOICE));
        xero.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void an_organisation_xero_reports_offline_is_left_alone_while_the_others_carry_on() {
        OrganisationId other = connected(id(), ACCESS, NOW.plus(Duration.ofMinutes(30)), REFRESH, Optional.empty());
        xero.stubFor(get(urlPathEqualTo(PATH)).withHeader("xero-tenant-id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(tenant))
                .willReturn(aResponse().withStatus(503).withBody("The Organisation is offline")));
        answersFor(other);

        assertThat(retryLater(gateway.reread(org, INVOICE)).notBefore()).contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(gateway.reread(other, INVOICE)).isInstanceOf(InvoiceReading.Found.class);
        retryLater(gateway.reread(org, INVOICE));
        xero.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    void answersFor(OrganisationId organisation) {
        xero.stubFor(get(urlPathEqualTo(PATH)).withHeader("xero-tenant-id",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(connections.find(organisation).orElseThrow().tenantId()))
                .willReturn(json(page(invoice(INVOICE, "INV-0003", NOW)))));
    }

    @Test
    void no_more_than_sixty_calls_a_minute_go_to_one_organisation() {
        answers();
        for (int i = 0; i < 60; i++) {
            assertThat(gateway.reread(org, INVOICE)).isInstanceOf(InvoiceReading.Found.class);
        }
        LedgerFailure.RetryLater refused = retryLater(gateway.reread(org, INVOICE));
        assertThat(refused.notBefore()).contains(NOW.plusSeconds(60));
        assertThat(refused.throttled()).as("Arrears' own limiter sent nothing: not a failed attempt").isTrue();
        xero.verify(60, getRequestedFor(urlPathEqualTo(PATH)));

        ticker.advance(Duration.ofSeconds(61));
        assertThat(gateway.reread(org, INVOICE)).isInstanceOf(InvoiceReading.Found.class);
    }

    @Test
    void under_a_fixed_business_clock_the_minute_window_ends_when_a_minute_of_real_time_has_passed() {
        answers();
        for (int i = 0; i < 60; i++) {
            gateway.reread(org, INVOICE);
        }
        ticker.advance(Duration.ofSeconds(59));
        assertThat(retryLater(gateway.reread(org, INVOICE)).notBefore()).contains(NOW.plusSeconds(1));

        ticker.advance(Duration.ofSeconds(1));

        assertThat(clock.instant()).isEqualTo(NOW);
        assertThat(gateway.reread(org, INVOICE)).isInstanceOf(InvoiceReading.Found.class);
        xero.verify(61, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void a_stored_pause_is_kept_in_real_time_for_every_replica_and_a_restart() {
        xero.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
                .withHeader("X-Rate-Limit-Problem", "minute")));

        retryLater(gateway.reread(org, INVOICE));

        assertThat(throttles.pause(org, ticker.wallClock())).hasValueSatisfying(
                p -> assertThat(p.until()).isEqualTo(ticker.wallClock().plusSeconds(30)));
        assertThat(throttles.pause(org, ticker.wallClock().plusSeconds(30))).isEmpty();
    }

    @Test
    void server_errors_are_retried_with_backoff() {
        xero.stubFor(get(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("better"));
        xero.stubFor(get(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("better")
                .willReturn(json(page(invoice(INVOICE, "INV-0003", NOW)))));

        assertThat(gateway.reread(org, INVOICE)).isInstanceOf(InvoiceReading.Found.class);
        xero.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void a_deleted_invoice_is_gone() {
        xero.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(404)));
        assertThat(gateway.reread(org, INVOICE)).isInstanceOf(InvoiceReading.Gone.class);
    }
}
