package dev.arrears.connector.quickbooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.arrears.application.ledger.Evidence;
import dev.arrears.application.ledger.LedgerChoices;
import dev.arrears.application.ledger.LedgerFacts;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.application.ledger.LedgerWrite;
import dev.arrears.application.ledger.WriteOutcome;
import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.FeeApplication;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import dev.arrears.persistence.TestClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(IntuitWireMock.class)
class QuickBooksWritesTest extends QuickBooksTestBase {

    @jakarta.inject.Inject
    dev.arrears.connector.TestTicker ticker;

    @Test
    void a_reminder_sends_the_invoice_and_records_a_note_linked_to_it() throws Exception {
        Company company = ready();
        LedgerWrite.Reminder reminder = new LedgerWrite.Reminder(key(company, "stage:first:reminder:0"), invoice(company),
                "first", "gentle", "First reminder sent (stage first)", Optional.of("ap@example.com"));
        intuit.stubFor(post(urlPathEqualTo(company.path("invoice/130/send")))
                .willReturn(json(QboJson.object().set("Invoice", invoice("130", "1200.00", "700.00", "2025-03-10T01:00:00-08:00")))));
        intuit.stubFor(post(urlPathEqualTo(company.path("attachable"))).willReturn(json("{\"Attachable\":{\"Id\":\"5000123\"}}")));

        WriteOutcome outcome = gateway.write(company.org(), reminder);

        assertThat(outcome).isEqualTo(new WriteOutcome.Done("5000123"));
        LoggedRequest send = requests(company.path("invoice/130/send")).getFirst();
        assertThat(send.queryParameter("sendTo").firstValue()).isEqualTo("ap@example.com");
        assertThat(send.getHeader("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(send.queryParameter("requestid").firstValue())
                .isEqualTo(RequestIds.of(company.realm(), reminder.key(), "send", 1));
        JsonNode note = QboJson.parse(requests(company.path("attachable")).getFirst().getBodyAsString());
        assertThat(note.path("Note").asText()).isEqualTo("First reminder sent (stage first) [" + reminder.key() + "]");
        assertThat(note.path("AttachableRef").get(0).path("EntityRef").path("value").asText()).isEqualTo("130");
        assertThat(note.path("AttachableRef").get(0).path("EntityRef").path("type").asText()).isEqualTo("Invoice");
    }

    @Test
    void a_reminder_sent_whose_note_is_throttled_is_done_and_not_sent_again() {
        Company company = ready();
        LedgerWrite.Reminder reminder = new LedgerWrite.Reminder(key(company, "stage:first:reminder:0"), invoice(company),
                "first", "gentle", "First reminder sent (stage first)", Optional.empty());
        intuit.stubFor(post(urlPathEqualTo(company.path("invoice/130/send")))
                .willReturn(json(QboJson.object().set("Invoice", invoice("130", "1200.00", "700.00", "2025-03-10T01:00:00-08:00")))));
        intuit.stubFor(post(urlPathEqualTo(company.path("attachable"))).willReturn(aResponse().withStatus(429)));

        WriteOutcome outcome = gateway.write(company.org(), reminder);

        assertThat(outcome).as("anything but done would send the reminder a second time").isInstanceOf(WriteOutcome.Done.class);
        assertThat(requests(company.path("invoice/130/send"))).hasSize(1);
    }

    @Test
    void a_reminder_in_doubt_counts_as_sent_when_quickbooks_recorded_a_delivery_since_its_first_attempt() {
        Company company = ready();
        LedgerWrite.Reminder reminder = new LedgerWrite.Reminder(key(company, "stage:first:reminder:0"), invoice(company),
                "first", "gentle", "First reminder sent (stage first)", Optional.empty());
        intuit.stubFor(query(company, "from Attachable").willReturn(json(queryResponse("Attachable", List.of()))));
        intuit.stubFor(get(urlPathEqualTo(company.path("invoice/130"))).willReturn(json(QboJson.object().set("Invoice",
                invoice("130", "1200.00", "700.00", "2025-03-10T01:06:00-08:00").set("DeliveryInfo",
                        QboJson.object().put("DeliveryType", "Email").put("DeliveryTime", "2025-03-10T01:05:00-08:00"))))));

        assertThat(gateway.findEvidence(company.org(), reminder, Optional.of(TestClock.START)))
                .as("delivered at 09:05Z, the first attempt began at 09:00Z").isInstanceOf(Evidence.Found.class);
        assertThat(gateway.findEvidence(company.org(), reminder, Optional.of(TestClock.START.plus(Duration.ofHours(2)))))
                .as("a delivery from before the first attempt is another one's").isInstanceOf(Evidence.NotFound.class);
        assertThat(gateway.findEvidence(company.org(), reminder, Optional.empty())).isInstanceOf(Evidence.NotFound.class);
    }

    @Test
    void a_late_fee_is_a_new_invoice_for_the_customer_with_the_key_in_its_private_note() throws Exception {
        Company company = ready();
        LedgerWrite.LateFee fee = lateFee(company);
        intuit.stubFor(post(urlPathEqualTo(company.path("invoice"))).willReturn(json("{\"Invoice\":{\"Id\":\"9001\",\"SyncToken\":\"0\"}}")));
        intuit.stubFor(post(urlPathEqualTo(company.path("attachable"))).willReturn(json("{\"Attachable\":{\"Id\":\"5000124\"}}")));

        assertThat(gateway.write(company.org(), fee)).isEqualTo(new WriteOutcome.Done("9001"));

        JsonNode body = QboJson.parse(requests(company.path("invoice")).getFirst().getBodyAsString());
        assertThat(body.path("CustomerRef").path("value").asText()).isEqualTo("24");
        assertThat(body.path("PrivateNote").asText()).isEqualTo("Arrears late fee, key [" + fee.key() + "]");
        JsonNode line = body.path("Line").get(0);
        assertThat(line.path("Amount").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(line.path("Description").asText()).isEqualTo(fee.lineDescription());
        assertThat(line.path("SalesItemLineDetail").path("ItemRef").path("value").asText()).isEqualTo("LF1");
        assertThat(line.path("SalesItemLineDetail").path("TaxCodeRef").path("value").asText()).isEqualTo("NON");
        assertThat(QboJson.parse(requests(company.path("attachable")).getFirst().getBodyAsString()).path("Note").asText())
                .startsWith("Late fee invoice 9001 raised: ");
    }

    @Test
    void the_fee_line_carries_the_tax_code_chosen_for_the_company_over_the_firm_wide_setting() throws Exception {
        Company company = ready();
        profiles.saveChoices(company.org(), new LedgerChoices(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("TAX"), false));
        intuit.stubFor(post(urlPathEqualTo(company.path("invoice"))).willReturn(json("{\"Invoice\":{\"Id\":\"9002\",\"SyncToken\":\"0\"}}")));
        intuit.stubFor(post(urlPathEqualTo(company.path("attachable"))).willReturn(json("{\"Attachable\":{\"Id\":\"5000125\"}}")));

        assertThat(gateway.write(company.org(), lateFee(company))).isEqualTo(new WriteOutcome.Done("9002"));

        JsonNode line = QboJson.parse(requests(company.path("invoice")).getFirst().getBodyAsString()).path("Line").get(0);
        assertThat(line.path("SalesItemLineDetail").path("TaxCodeRef").path("value").asText()).isEqualTo("TAX");
    }

    @Test
    void an_ambiguous_late_fee_is_looked_for_before_anything_is_sent_again_and_never_raised_twice() {
        Company company = ready();
        LedgerWrite.LateFee fee = lateFee(company);
        intuit.stubFor(post(urlPathEqualTo(company.path("invoice"))).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        intuit.stubFor(query(company, "from Invoice where CustomerRef").willReturn(aResponse().withStatus(503)));

        // The answer is lost and the search for the fee fails too: the outcome is in doubt.
        assertThat(gateway.write(company.org(), fee)).isInstanceOf(WriteOutcome.InDoubt.class);

        // Next attempt (the dispatcher): look first. The fee invoice is there, so nothing is written.
        intuit.resetMappings();
        intuit.stubFor(query(company, "from Invoice where CustomerRef = '24' and TxnDate >= '2025-03-07'")
                .willReturn(json(queryResponse("Invoice", List.of(invoice("8999", "10.00", "10.00", "2025-03-10T01:00:00-08:00"),
                        invoice("9001", "25.00", "25.00", "2025-03-10T01:00:00-08:00")
                                .put("PrivateNote", "Arrears late fee, key [" + fee.key() + "]"))))));

        assertThat(gateway.findEvidence(company.org(), fee, Optional.empty())).isEqualTo(new Evidence.Found("9001"));
        assertThat(requests(company.path("invoice"))).hasSize(1);
        assertThat(pause.pauses).hasSize(2); // the failed search was retried with backoff
    }

    @Test
    void a_lost_answer_with_no_trace_is_repeated_under_the_same_request_id() {
        Company company = ready();
        LedgerWrite.LateFee fee = lateFee(company);
        intuit.stubFor(post(urlPathEqualTo(company.path("invoice"))).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("answering"));
        intuit.stubFor(post(urlPathEqualTo(company.path("invoice"))).inScenario("lost").whenScenarioStateIs("answering")
                .willReturn(json("{\"Invoice\":{\"Id\":\"9002\"}}")));
        intuit.stubFor(query(company, "from Invoice where CustomerRef").willReturn(json(queryResponse("Invoice", List.of()))));
        intuit.stubFor(post(urlPathEqualTo(company.path("attachable"))).willReturn(json("{\"Attachable\":{\"Id\":\"1\"}}")));

        assertThat(gateway.write(company.org(), fee)).isEqualTo(new WriteOutcome.Done("9002"));

        List<LoggedRequest> creates = requests(company.path("invoice?"));
        assertThat(creates).hasSize(2);
        assertThat(creates).extracting(r -> r.queryParameter("requestid").firstValue()).containsOnly(
                RequestIds.of(company.realm(), fee.key(), "fee-invoice", 1));
        assertThat(requests(company.path("query"))).hasSize(1);
    }

    @Test
    void a_stale_object_fault_rereads_the_invoice_and_retries_once_under_a_new_request_id() {
        Company company = ready();
        LedgerWrite.Note note = new LedgerWrite.Note(key(company, "stage:first:note:0"), invoice(company), "first", "Noted.");
        intuit.stubFor(post(urlPathEqualTo(company.path("attachable"))).inScenario("stale").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(fault(400, "5010", "Stale Object Error", "Stale Object Error : You and Ann were working on this at the same time."))
                .willSetStateTo("fresh"));
        intuit.stubFor(post(urlPathEqualTo(company.path("attachable"))).inScenario("stale").whenScenarioStateIs("fresh")
                .willReturn(json("{\"Attachable\":{\"Id\":\"77\"}}")));
        intuit.stubFor(get(urlPathEqualTo(company.path("invoice/130"))).willReturn(json(QboJson.object()
                .set("Invoice", invoice("130", "1200.00", "700.00", "2025-03-10T01:00:00-08:00")))));

        assertThat(gateway.write(company.org(), note)).isEqualTo(new WriteOutcome.Done("77"));

        List<LoggedRequest> posts = requests(company.path("attachable"));
        assertThat(posts).extracting(r -> r.queryParameter("requestid").firstValue()).containsExactly(
                RequestIds.of(company.realm(), note.key(), "note", 1), RequestIds.of(company.realm(), note.key(), "note", 2));
        assertThat(requests(company.path("invoice/130"))).hasSize(1);
    }

    @Test
    void a_stale_object_fault_on_an_invoice_paid_meanwhile_hands_the_action_back() {
        Company company = ready();
        LedgerWrite.Note note = new LedgerWrite.Note(key(company, "stage:first:note:0"), invoice(company), "first", "Noted.");
        intuit.stubFor(post(urlPathEqualTo(company.path("attachable"))).willReturn(fault(400, "5010", "Stale Object Error", "")));
        intuit.stubFor(get(urlPathEqualTo(company.path("invoice/130"))).willReturn(json(QboJson.object()
                .set("Invoice", invoice("130", "1200.00", "0", "2025-03-10T01:00:00-08:00")))));

        WriteOutcome outcome = gateway.write(company.org(), note);

        assertThat(outcome).isInstanceOf(WriteOutcome.Failed.class);
        assertThat(((WriteOutcome.Failed) outcome).failure()).isInstanceOf(LedgerFailure.RetryLater.class);
        assertThat(((WriteOutcome.Failed) outcome).failure().reason()).contains("PAID");
        assertThat(requests(company.path("attachable"))).hasSize(1);
    }

    @Test
    void a_throttle_backs_the_realm_off_for_a_minute_on_every_replica() {
        Company company = ready();
        intuit.stubFor(post(urlPathEqualTo(company.path("invoice"))).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/xml").withBody("""
                        <IntuitResponse xmlns="http://schema.intuit.com/finance/v3" time="2025-03-10T01:00:00.000-08:00">
                          <Fault type="SERVICE"><Error code="3001"><Message>message=ThrottleExceeded; errorCode=003001; statusCode=429</Message>
                          <Detail>The request limit was reached.  Try again later</Detail></Error></Fault></IntuitResponse>""")));

        ticker.freeze();   // the back-off runs on real time; the business clock stays where it is
        try {
            WriteOutcome outcome = gateway.write(company.org(), lateFee(company));

            LedgerFailure failure = ((WriteOutcome.Failed) outcome).failure();
            assertThat(failure).isInstanceOf(LedgerFailure.RetryLater.class);
            assertThat(((LedgerFailure.RetryLater) failure).notBefore()).contains(clock.instant().plusSeconds(60));
            assertThat(profiles.find(company.org()).backoffUntil()).as("stored on the wall clock, for every replica")
                    .contains(ticker.wallClock().plusSeconds(60));

            intuit.resetRequests();
            ticker.advance(Duration.ofSeconds(30));
            assertThat(gateway.sync(company.org()).stoppedBy()).get().isInstanceOf(LedgerFailure.RetryLater.class);
            assertThat(intuit.getAllServeEvents()).isEmpty();

            ticker.advance(Duration.ofSeconds(31));
        } finally {
            ticker.thaw();
        }
        intuit.stubFor(cdc(company).willReturn(json(cdcResponse("2025-03-10T02:01:01.000-07:00", List.of(), List.of()))));
        assertThat(gateway.sync(company.org()).completed()).isTrue();
    }

    @Test
    void late_fees_are_refused_while_the_company_blocks_them() {
        Company company = ready();
        profiles.saveFacts(company.org(), facts(Optional.of("QuickBooks' own automatic late fees appear to be in use")));

        WriteOutcome outcome = gateway.write(company.org(), lateFee(company));

        assertThat(((WriteOutcome.Failed) outcome).failure()).isInstanceOf(LedgerFailure.Rejected.class);
        assertThat(intuit.getAllServeEvents()).isEmpty();
    }

    private Company ready() {
        Company company = syncedThrough(TestClock.START.minus(Duration.ofHours(1)));
        profiles.saveFacts(company.org(), facts(Optional.empty()));
        return company;
    }

    private LedgerFacts facts(Optional<String> blocked) {
        return new LedgerFacts("Sonnenschein", ZoneId.of("America/Chicago"), "US", Money.currency("USD"), false, blocked.isPresent(),
                Optional.of("LF1"), false, blocked, TestClock.START);
    }

    private static InvoiceSnapshot invoice(Company company) {
        return new InvoiceSnapshot(company.org().toString(), "130", "1037", "24", "Sonnenschein Family Store",
                LocalDate.parse("2025-01-15"), Optional.of(LocalDate.parse("2025-02-14")), Money.of("1200.00", "USD"),
                Money.of("700.00", "USD"), InvoiceStatus.OPEN, List.of(), false);
    }

    private static LedgerWrite.LateFee lateFee(Company company) {
        FeeApplication fee = new FeeApplication("flat-fee", 1, LocalDate.parse("2025-03-08"), LocalDate.parse("2025-03-08"),
                Money.of("25.00", "USD"), "flat 25.00 USD", false);
        return new LedgerWrite.LateFee(ActionKey.forFee(company.org().toString(), "130", "flat-fee", 1), invoice(company),
                "second", fee);
    }

    private static ActionKey key(Company company, String rest) {
        return new ActionKey(company.org() + ":130:" + rest);
    }
}
