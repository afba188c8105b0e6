package dev.arrears.connector.xero;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.arrears.application.ledger.Evidence;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.application.ledger.LedgerWrite;
import dev.arrears.application.ledger.WriteOutcome;
import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.FeeApplication;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(XeroWireMock.class)
class XeroWritesTest extends XeroTestBase {

    static final String INVOICE = "a03ffcd2-5d91-4c7e-b483-318584e9e439";
    static final String CONTACT = "430fa14a-f945-44d3-9f97-5df5e28441b8";
    static final String FEE_INVOICE = "ed255415-e141-4150-aab7-89c3bbbb851c";

    InvoiceSnapshot invoice;

    @BeforeEach
    void lateFeesChosen() {
        settings.save(settings.find(org).orElseThrow()
                .withLateFeeChoices(Optional.of("260"), Optional.of("NONE"), Optional.of("LATEFEE"), true)
                .withCheck(false, Optional.empty(), 1000, NOW));
        invoice = new InvoiceSnapshot(org.toString(), INVOICE, "INV-0042", CONTACT, "Liam Gallagher",
                LocalDate.of(2025, 1, 15), Optional.of(LocalDate.of(2025, 2, 14)), Money.of("115.00", "NZD"),
                Money.of("115.00", "NZD"), InvoiceStatus.OPEN, List.of(), false);
    }

    LedgerWrite.Reminder reminder(String stage) {
        return new LedgerWrite.Reminder(ActionKey.forStage(org.toString(), INVOICE, stage, "email", 0), invoice, stage,
                "firm", "Second reminder sent", Optional.empty());
    }

    LedgerWrite.LateFee lateFee() {
        FeeApplication fee = new FeeApplication("interest", 1, LocalDate.of(2025, 2, 15), LocalDate.of(2025, 3, 10),
                Money.of("25.00", "NZD"), "8% a year on 115.00 for 30 days", false);
        return new LedgerWrite.LateFee(ActionKey.forFee(org.toString(), INVOICE, "interest", 1), invoice, "Final notice", fee);
    }

    void historyAccepted() {
        xero.stubFor(put(urlPathEqualTo("/api.xro/2.0/Invoices/" + INVOICE + "/History"))
                .willReturn(json("{\"HistoryRecords\":[{\"Details\":\"ok\",\"ValidationErrors\":[]}]}")));
    }

    JsonNode body(LoggedRequest request) throws Exception {
        return JSON.readTree(request.getBodyAsString());
    }

    static ObjectNode created(String reference) {
        ObjectNode fee = invoice(FEE_INVOICE, "INV-0043", NOW).put("Reference", reference).put("Total", 25.0)
                .put("AmountDue", 25.0).put("StatusAttributeString", "OK");
        return page(fee);
    }

    @Test
    void a_reminder_has_xero_email_the_invoice_and_notes_the_stage_on_it() throws Exception {
        xero.stubFor(post(urlPathEqualTo("/api.xro/2.0/Invoices/" + INVOICE + "/Email")).willReturn(aResponse().withStatus(204)));
        historyAccepted();
        LedgerWrite.Reminder reminder = reminder("Second reminder");

        WriteOutcome outcome = gateway.write(org, reminder);

        assertThat(outcome).isInstanceOf(WriteOutcome.Done.class);
        xero.verify(postRequestedFor(urlPathEqualTo("/api.xro/2.0/Invoices/" + INVOICE + "/Email"))
                .withHeader("Idempotency-Key", equalTo(reminder.key().value() + ":email"))
                .withHeader("xero-tenant-id", equalTo(tenant))
                .withRequestBody(equalToJson("{}")));
        LoggedRequest note = xero.findAll(putRequestedFor(urlPathEqualTo("/api.xro/2.0/Invoices/" + INVOICE + "/History"))).getFirst();
        assertThat(note.getHeader("Idempotency-Key")).isEqualTo(reminder.key().value() + ":note");
        assertThat(body(note).at("/HistoryRecords/0/Details").asText())
                .startsWith("Second reminder sent").contains("stage Second reminder").contains("[arrears " + reminder.key() + "]");
    }

    @Test
    void reminders_wait_while_xeros_own_reminders_are_on_unless_an_accountant_allows_both() {
        settings.save(settings.find(org).orElseThrow().withCheck(true, Optional.empty(), 1000, NOW));

        assertThat(gateway.write(org, reminder("First reminder"))).isInstanceOfSatisfying(WriteOutcome.Failed.class,
                f -> assertThat(f.failure().reason()).contains("Xero's own invoice reminders"));
        assertThat(requests()).isEmpty();

        settings.save(settings.find(org).orElseThrow().withChaseDespiteLedgerReminders(true));
        xero.stubFor(post(urlPathEqualTo("/api.xro/2.0/Invoices/" + INVOICE + "/Email")).willReturn(aResponse().withStatus(204)));
        historyAccepted();
        assertThat(gateway.write(org, reminder("First reminder"))).isInstanceOf(WriteOutcome.Done.class);
    }

    @Test
    void reminders_beyond_the_daily_email_cap_are_deferred_to_the_next_day_not_dropped() {
        settings.save(settings.find(org).orElseThrow().withCheck(false, Optional.empty(), 1, NOW));
        xero.stubFor(post(urlPathEqualTo("/api.xro/2.0/Invoices/" + INVOICE + "/Email")).willReturn(aResponse().withStatus(204)));
        historyAccepted();

        assertThat(gateway.write(org, reminder("First reminder"))).isInstanceOf(WriteOutcome.Done.class);
        WriteOutcome second = gateway.write(org, reminder("Second reminder"));

        assertThat(second).isInstanceOfSatisfying(WriteOutcome.Failed.class, f -> {
            assertThat(f.failure()).isInstanceOf(LedgerFailure.RetryLater.class);
            assertThat(((LedgerFailure.RetryLater) f.failure()).notBefore()).contains(Instant.parse("2025-03-11T00:00:00Z"));
        });
        xero.verify(1, postRequestedFor(urlPathEqualTo("/api.xro/2.0/Invoices/" + INVOICE + "/Email")));
    }

    @Test
    void a_note_is_a_history_record_on_the_invoice() {
        historyAccepted();
        ActionKey key = ActionKey.forStage(org.toString(), INVOICE, "Hand-off", "note", 0);

        assertThat(gateway.write(org, new LedgerWrite.Note(key, invoice, "Hand-off", "Passed to a person")))
                .isInstanceOf(WriteOutcome.Done.class);
        xero.verify(putRequestedFor(urlPathEqualTo("/api.xro/2.0/Invoices/" + INVOICE + "/History"))
                .withHeader("Idempotency-Key", equalTo(key.value() + ":note")));
    }

    @Test
    void a_late_fee_is_a_new_sales_invoice_carrying_the_action_key_plus_a_note_on_the_original() throws Exception {
        LedgerWrite.LateFee fee = lateFee();
        xero.stubFor(put(urlPathEqualTo("/api.xro/2.0/Invoices")).withQueryParam("summarizeErrors", equalTo("false"))
                .willReturn(json(created("ARREARS:" + fee.key()))));
        historyAccepted();

        WriteOutcome outcome = gateway.write(org, fee);

        assertThat(outcome).isEqualTo(new WriteOutcome.Done(FEE_INVOICE));
        LoggedRequest request = xero.findAll(putRequestedFor(urlPathEqualTo("/api.xro/2.0/Invoices"))).getFirst();
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo(fee.key().value() + ":fee");
        JsonNode sent = body(request).at("/Invoices/0");
        assertThat(sent.path("Type").asText()).isEqualTo("ACCREC");
        assertThat(sent.at("/Contact/ContactID").asText()).isEqualTo(CONTACT);
        assertThat(sent.path("CurrencyCode").asText()).isEqualTo("NZD");
        assertThat(sent.path("Reference").asText()).isEqualTo("ARREARS:" + fee.key());
        assertThat(sent.path("Status").asText()).isEqualTo("AUTHORISED");
        assertThat(sent.path("Date").asText()).isEqualTo("2025-03-10");
        assertThat(sent.path("LineItems")).hasSize(1);
        JsonNode line = sent.at("/LineItems/0");
        assertThat(line.path("Description").asText())
                .isEqualTo("Late fee on INV-0042 (interest, period 1, 8% a year on 115.00 for 30 days)");
        assertThat(line.path("UnitAmount").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(line.path("AccountCode").asText()).isEqualTo("260");
        assertThat(line.path("TaxType").asText()).isEqualTo("NONE");
        assertThat(line.path("ItemCode").asText()).isEqualTo("LATEFEE");
        LoggedRequest note = xero.findAll(putRequestedFor(urlPathEqualTo("/api.xro/2.0/Invoices/" + INVOICE + "/History"))).getFirst();
        assertThat(body(note).at("/HistoryRecords/0/Details").asText()).contains("Late fee of 25.00 NZD raised as INV-0043");
    }

    @Test
    void a_late_fee_raised_as_draft_when_the_accountant_wants_to_approve_it() throws Exception {
        settings.save(settings.find(org).orElseThrow()
                .withLateFeeChoices(Optional.of("260"), Optional.of("NONE"), Optional.of("LATEFEE"), false));
        xero.stubFor(put(urlPathEqualTo("/api.xro/2.0/Invoices")).willReturn(json(created("ARREARS:x"))));
        historyAccepted();

        gateway.write(org, lateFee());

        LoggedRequest request = xero.findAll(putRequestedFor(urlPathEqualTo("/api.xro/2.0/Invoices"))).getFirst();
        assertThat(body(request).at("/Invoices/0/Status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void an_ambiguous_late_fee_is_found_by_its_reference_and_never_raised_twice() {
        LedgerWrite.LateFee fee = lateFee();
        // Xero applies the write but every answer is lost.
        xero.stubFor(put(urlPathEqualTo("/api.xro/2.0/Invoices")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        WriteOutcome first = gateway.write(org, fee);

        assertThat(first).isInstanceOf(WriteOutcome.InDoubt.class);
        List<LoggedRequest> attempts = xero.findAll(putRequestedFor(urlPathEqualTo("/api.xro/2.0/Invoices")));
        assertThat(attempts).isNotEmpty().allSatisfy(a -> assertThat(a.getHeader("Idempotency-Key")).isEqualTo(fee.key() + ":fee"));

        String where = "Type==\"ACCREC\" AND Reference==\"ARREARS:" + fee.key() + "\"";
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices")).withQueryParam("where", equalTo(where))
                .willReturn(json(created("ARREARS:" + fee.key()))));

        assertThat(gateway.findEvidence(org, fee, Optional.empty())).isEqualTo(new Evidence.Found(FEE_INVOICE));
        xero.verify(attempts.size(), putRequestedFor(urlPathEqualTo("/api.xro/2.0/Invoices")));
    }

    @Test
    void an_ambiguous_late_fee_without_a_trace_is_written_again_with_the_same_key() {
        LedgerWrite.LateFee fee = lateFee();
        xero.stubFor(put(urlPathEqualTo("/api.xro/2.0/Invoices")).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        xero.stubFor(put(urlPathEqualTo("/api.xro/2.0/Invoices")).inScenario("lost").whenScenarioStateIs("up")
                .willReturn(json(created("ARREARS:" + fee.key()))));
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices")).willReturn(json(page())));
        historyAccepted();

        assertThat(gateway.findEvidence(org, fee, Optional.empty())).isInstanceOf(Evidence.NotFound.class);
        // The first attempt's answer is lost; the retry with the same Idempotency-Key gets Xero's answer.
        assertThat(gateway.write(org, fee)).isEqualTo(new WriteOutcome.Done(FEE_INVOICE));
        assertThat(xero.findAll(putRequestedFor(urlPathEqualTo("/api.xro/2.0/Invoices"))))
                .hasSize(2).allSatisfy(a -> assertThat(a.getHeader("Idempotency-Key")).isEqualTo(fee.key() + ":fee"));
    }

    @Test
    void a_write_xero_keeps_answering_500_to_is_in_doubt_not_failed() {
        LedgerWrite.LateFee fee = lateFee();
        xero.stubFor(put(urlPathEqualTo("/api.xro/2.0/Invoices")).willReturn(aResponse().withStatus(500)));

        assertThat(gateway.write(org, fee)).isInstanceOf(WriteOutcome.InDoubt.class);
        assertThat(xero.findAll(putRequestedFor(urlPathEqualTo("/api.xro/2.0/Invoices"))))
                .hasSize(3).allSatisfy(a -> assertThat(a.getHeader("Idempotency-Key")).isEqualTo(fee.key() + ":fee"));
    }

    @Test
    void an_email_whose_answer_was_lost_stays_in_doubt_when_the_repeat_is_throttled() {
        LedgerWrite.Reminder reminder = reminder("Final notice");
        String email = "/api.xro/2.0/Invoices/" + INVOICE + "/Email";
        xero.stubFor(post(urlPathEqualTo(email)).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("throttled"));
        xero.stubFor(post(urlPathEqualTo(email)).inScenario("lost").whenScenarioStateIs("throttled")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withHeader("X-Rate-Limit-Problem", "minute")));

        // Xero may have emailed the customer on the first attempt: a 429 on the repeat does not
        // make that undone, and a plain failure would let the reminder be sent again later.
        assertThat(gateway.write(org, reminder)).isInstanceOfSatisfying(WriteOutcome.InDoubt.class,
                d -> assertThat(d.reason()).contains("/Email").contains("429"));
        xero.verify(2, postRequestedFor(urlPathEqualTo(email)));
    }

    @Test
    void a_validation_exception_is_turned_into_a_reason_per_element() {
        xero.stubFor(put(urlPathEqualTo("/api.xro/2.0/Invoices")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ErrorNumber\":10,\"Type\":\"ValidationException\",\"Message\":\"A validation exception occurred\","
                        + "\"Elements\":[{\"Reference\":\"ARREARS:k\",\"ValidationErrors\":[{\"Message\":\"Account code '260' is not a valid code for this document.\"},"
                        + "{\"Message\":\"The TaxType code 'NONE' does not exist or cannot be used for this type of transaction.\"}]}]}")));

        WriteOutcome outcome = gateway.write(org, lateFee());

        assertThat(outcome).isInstanceOfSatisfying(WriteOutcome.Failed.class, f -> {
            assertThat(f.failure()).isInstanceOf(LedgerFailure.Rejected.class);
            assertThat(f.failure().reason()).isEqualTo("Xero refused the request: element 1 (ARREARS:k): "
                    + "Account code '260' is not a valid code for this document.; "
                    + "The TaxType code 'NONE' does not exist or cannot be used for this type of transaction.");
        });
        xero.verify(1, putRequestedFor(urlPathEqualTo("/api.xro/2.0/Invoices")));
    }

    @Test
    void without_valid_late_fee_settings_an_organisation_is_not_charged_and_says_why() {
        settings.save(settings.find(org).orElseThrow().withCheck(false, Optional.of("account 999 does not exist in Xero"), 1000, NOW));

        assertThat(gateway.write(org, lateFee())).isInstanceOfSatisfying(WriteOutcome.Failed.class,
                f -> assertThat(f.failure().reason()).contains("account 999 does not exist in Xero"));
        assertThat(requests()).isEmpty();
    }

    @Test
    void the_evidence_of_a_reminder_is_its_note_and_without_it_a_person_decides() {
        LedgerWrite.Reminder reminder = reminder("Final notice");
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices/" + INVOICE + "/History")).willReturn(json(
                "{\"HistoryRecords\":[{\"DateUTCString\":\"2025-03-10T08:00:00\",\"Details\":\"Reminder — stage Final notice [arrears "
                        + reminder.key() + "]\"}]}")));
        assertThat(gateway.findEvidence(org, reminder, Optional.empty())).isInstanceOf(Evidence.Found.class);

        xero.resetAll();
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices/" + INVOICE + "/History")).willReturn(json("{\"HistoryRecords\":[]}")));
        assertThat(gateway.findEvidence(org, reminder, Optional.empty())).isInstanceOfSatisfying(Evidence.Unknown.class,
                u -> assertThat(u.failure()).isInstanceOf(LedgerFailure.Rejected.class));
        LedgerWrite.Note note = new LedgerWrite.Note(reminder.key(), invoice, "Final notice", "x");
        assertThat(gateway.findEvidence(org, note, Optional.empty())).isInstanceOf(Evidence.NotFound.class);
    }

    @Test
    void a_reminder_in_doubt_is_repeated_under_its_key_only_inside_xeros_idempotency_window() {
        LedgerWrite.Reminder reminder = reminder("Final notice");
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices/" + INVOICE + "/History")).willReturn(json("{\"HistoryRecords\":[]}")));
        Instant now = clock.instant();

        assertThat(gateway.findEvidence(org, reminder, Optional.of(now.minus(Duration.ofMinutes(3)))))
                .as("Xero answers a repeat of the same key within 6 minutes instead of emailing again")
                .isInstanceOf(Evidence.RepeatNow.class);
        assertThat(gateway.findEvidence(org, reminder, Optional.of(now.minus(Duration.ofMinutes(5)))))
                .as("too close to the end of the window for the repeat to be answered")
                .isInstanceOf(Evidence.Unknown.class);
    }
}
