package dev.arrears.connector.quickbooks;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.LedgerConnection;
import dev.arrears.application.ledger.SyncReport;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.invoice.PaymentApplied;
import dev.arrears.domain.money.Money;
import dev.arrears.persistence.TestClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(IntuitWireMock.class)
class QuickBooksSyncTest extends QuickBooksTestBase {

    private static final String UPDATED = "2025-03-01T10:00:00-08:00";

    @Test
    void first_load_pages_through_every_open_invoice_then_hands_over_to_cdc() {
        Company company = connected();
        List<ObjectNode> firstPage = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            firstPage.add(invoice(Integer.toString(i), "100.00", "100.00", UPDATED));
        }
        intuit.stubFor(query(company, "STARTPOSITION 1 MAXRESULTS 1000").willReturn(json(queryResponse("Invoice", firstPage))));
        intuit.stubFor(query(company, "STARTPOSITION 1001 MAXRESULTS 1000").willReturn(json(queryResponse("Invoice", List.of(
                linkPayment(invoice("1001", "1200.00", "700.00", UPDATED), "188"),
                invoice("1002", "50.00", "50.00", UPDATED))))));
        intuit.stubFor(query(company, "from Payment where Id IN ('188')").willReturn(json(queryResponse("Payment",
                List.of(payment("188", "2025-02-20", "500.00", "1001"))))));

        SyncReport report = gateway.sync(company.org());

        assertThat(report.completed()).as(report.toString()).isTrue();
        assertThat(report.fullRescan()).isTrue();
        assertThat(report.invoicesStored()).isEqualTo(1002);
        assertThat(report.apiCalls()).isEqualTo(3);
        assertThat(invoices.loadOpen(company.org())).hasSize(1002);
        InvoiceSnapshot partlyPaid = load(company, "1001");
        assertThat(partlyPaid.amountDue()).isEqualTo(Money.of("700.00", "USD"));
        assertThat(partlyPaid.payments()).containsExactly(new PaymentApplied(LocalDate.parse("2025-02-20"),
                Money.of("500.00", "USD")));
        assertThat(query(requests(company.path("query")).getFirst())).isEqualTo(
                "select * from Invoice where Balance > '0' ORDERBY Id STARTPOSITION 1 MAXRESULTS 1000");
        LedgerConnection after = connections.find(company.org()).orElseThrow();
        assertThat(after.cursor().changedThrough()).contains(TestClock.START); // the first page's server time
    }

    @Test
    void a_cycle_with_nothing_changed_costs_one_cdc_call() {
        Company company = syncedThrough(TestClock.START.minus(Duration.ofHours(1)));
        intuit.stubFor(cdc(company).willReturn(json(cdcResponse("2025-03-10T02:00:03.000-07:00", List.of(), List.of()))));

        SyncReport report = gateway.sync(company.org());

        assertThat(report.completed()).isTrue();
        assertThat(report.apiCalls()).isEqualTo(1);
        assertThat(intuit.getAllServeEvents()).hasSize(1);
        LoggedRequest cdc = requests(company.path("cdc")).getFirst();
        assertThat(cdc.queryParameter("entities").firstValue()).isEqualTo("Invoice,Payment,CreditMemo");
        assertThat(cdc.queryParameter("changedSince").firstValue()).isEqualTo("2025-03-10T07:55:00+00:00"); // 5 min overlap
        assertThat(connections.find(company.org()).orElseThrow().cursor().changedThrough())
                .contains(Instant.parse("2025-03-10T09:00:03Z"));
    }

    @Test
    void voids_deletions_and_payments_through_linked_txn_leave_dunning() {
        Company company = syncedThrough(TestClock.START.minus(Duration.ofHours(1)));
        intuit.stubFor(cdc(company).willReturn(json(cdcResponse("2025-03-10T01:00:00.000-07:00", List.of(
                invoice("501", "100.00", "100.00", UPDATED), invoice("502", "200.00", "200.00", UPDATED),
                invoice("503", "300.00", "300.00", UPDATED), invoice("504", "400.00", "400.00", UPDATED),
                invoice("505", "500.00", "500.00", UPDATED)), List.of()))));
        assertThat(gateway.sync(company.org()).invoicesStored()).isEqualTo(5);
        intuit.resetMappings();

        String later = "2025-03-10T01:30:00-08:00";
        ObjectNode voided = invoice("501", "0", "0", later).put("PrivateNote", "Voided");
        ObjectNode paid = linkPayment(invoice("503", "300.00", "0", later), "601");
        ObjectNode partlyPaid = linkPayment(invoice("504", "400.00", "150.00", later), "602");
        intuit.stubFor(cdc(company).willReturn(json(cdcResponse("2025-03-10T02:00:00.000-07:00",
                List.of(voided, paid, partlyPaid, deletedStub("502", later)),
                List.of(payment("601", "2025-03-09", "300.00", "503"), payment("602", "2025-03-05", "250.00", "504"),
                        payment("603", "2025-03-08", "500.00", "505"))))));
        // CDC's deletions are confirmed by a read: 610 Object Not Found.
        intuit.stubFor(get(urlPathEqualTo(company.path("invoice/502")))
                .willReturn(fault(400, "610", "Object Not Found", "Object Not Found : Something you're trying to use has been made inactive.")));
        // Payment 603 was entered alone: its invoice is read because CDC did not bring it.
        intuit.stubFor(query(company, "from Invoice where Id IN ('505')").willReturn(json(queryResponse("Invoice",
                List.of(linkPayment(invoice("505", "500.00", "0", later), "603"))))));

        SyncReport report = gateway.sync(company.org());

        assertThat(report.completed()).as(report.toString()).isTrue();
        assertThat(load(company, "501").status()).isEqualTo(InvoiceStatus.VOIDED);
        assertThat(load(company, "502").status()).isEqualTo(InvoiceStatus.DELETED);
        assertThat(load(company, "503").status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(load(company, "503").payments()).extracting(PaymentApplied::date).containsExactly(LocalDate.parse("2025-03-09"));
        assertThat(load(company, "505").status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoices.loadOpen(company.org())).extracting(InvoiceSnapshot::invoiceId).containsExactly("504");
        InvoiceSnapshot open = load(company, "504");
        assertThat(open.amountDue()).isEqualTo(Money.of("150.00", "USD"));
        assertThat(open.payments()).containsExactly(new PaymentApplied(LocalDate.parse("2025-03-05"), Money.of("250.00", "USD")));
        assertThat(open.principalOwedOn(LocalDate.parse("2025-03-04"))).isEqualTo(Money.of("400.00", "USD"));
    }

    @Test
    void a_full_cdc_answer_splits_the_window_and_queries_the_earlier_half() {
        Instant through = TestClock.START.minus(Duration.ofDays(2));
        Company company = syncedThrough(through);
        String since = "2025-03-08T08:55:00+00:00";
        List<ObjectNode> thousand = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            thousand.add(invoice(Integer.toString(10_000 + i), "10.00", "10.00", UPDATED));
        }
        intuit.stubFor(cdc(company).atPriority(1).withQueryParam("changedSince", equalTo(since))
                .willReturn(json(cdcResponse("2025-03-10T02:00:00.000-07:00", thousand, List.of()))));
        intuit.stubFor(cdc(company).atPriority(5).willReturn(json(cdcResponse("2025-03-10T02:00:07.000-07:00",
                List.of(invoice("702", "70.00", "70.00", "2025-03-10T00:30:00-08:00")), List.of()))));
        intuit.stubFor(query(company, "MetaData.LastUpdatedTime >= '" + since + "' and MetaData.LastUpdatedTime < '")
                .willReturn(json(queryResponse("Invoice", List.of(invoice("701", "60.00", "60.00", "2025-03-08T12:00:00-08:00"))))));

        SyncReport report = gateway.sync(company.org());

        assertThat(report.completed()).as(report.toString()).isTrue();
        List<LoggedRequest> cdcCalls = requests(company.path("cdc"));
        assertThat(cdcCalls).hasSize(2);
        String mid = cdcCalls.get(1).queryParameter("changedSince").firstValue();
        assertThat(Instant.parse(mid.replace("+00:00", "Z"))).isAfter(Instant.parse("2025-03-08T08:55:00Z"))
                .isBefore(TestClock.START);
        assertThat(query(requests(company.path("query")).getFirst())).isEqualTo("select * from Invoice where "
                + "MetaData.LastUpdatedTime >= '" + since + "' and MetaData.LastUpdatedTime < '" + mid
                + "' ORDERBY MetaData.LastUpdatedTime STARTPOSITION 1 MAXRESULTS 1000");
        assertThat(invoices.loadOpen(company.org())).extracting(InvoiceSnapshot::invoiceId).containsExactly("701", "702");
        assertThat(connections.find(company.org()).orElseThrow().cursor().changedThrough())
                .contains(Instant.parse("2025-03-10T09:00:07Z"));
    }

    @Test
    void a_cursor_older_than_cdcs_look_back_falls_back_to_a_last_updated_query() {
        Company company = syncedThrough(TestClock.START.minus(Duration.ofDays(40)));
        intuit.stubFor(query(company, "MetaData.LastUpdatedTime >= '2025-01-29T08:55:00+00:00' ORDERBY")
                .willReturn(json(queryResponse("Invoice", List.of(invoice("801", "80.00", "80.00", UPDATED),
                        invoice("802", "90.00", "0", UPDATED))))));

        SyncReport report = gateway.sync(company.org());

        assertThat(report.completed()).as(report.toString()).isTrue();
        assertThat(requests(company.path("cdc"))).isEmpty();
        assertThat(invoices.loadOpen(company.org())).extracting(InvoiceSnapshot::invoiceId).containsExactly("801");
        assertThat(connections.find(company.org()).orElseThrow().cursor().changedThrough()).contains(TestClock.START);
    }

    @Test
    void a_malformed_invoice_is_quarantined_with_its_reason_and_the_rest_is_stored() {
        Company company = connected();
        ObjectNode broken = invoice("902", "12.345", "12.345", UPDATED); // USD has two decimals
        ObjectNode noCustomer = invoice("903", "10.00", "10.00", UPDATED);
        noCustomer.remove("CustomerRef");
        intuit.stubFor(query(company, "STARTPOSITION 1 ").willReturn(json(queryResponse("Invoice", List.of(
                invoice("901", "10.00", "10.00", UPDATED), broken, noCustomer, invoice("904", "10.00", "10.00", UPDATED))))));

        SyncReport report = gateway.sync(company.org());

        assertThat(report.completed()).isTrue();
        assertThat(report.invoicesStored()).isEqualTo(2);
        assertThat(report.quarantined()).isEqualTo(2);
        assertThat(invoices.loadOpen(company.org())).extracting(InvoiceSnapshot::invoiceId).containsExactly("901", "904");
        assertThat(invoices.quarantined(company.org())).extracting(q -> q.invoice().providerInvoiceId() + ": " + q.reason())
                .containsExactly("902: QuickBooks invoice could not be read: invoice 902: TotalAmt 12.345 has more decimals than USD allows (2)",
                        "903: QuickBooks invoice could not be read: invoice 903 has no CustomerRef");
    }

    @Test
    void a_5xx_on_a_read_is_retried_with_backoff_and_then_succeeds() {
        Company company = syncedThrough(TestClock.START.minus(Duration.ofHours(1)));
        intuit.stubFor(cdc(company).inScenario("flaky").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)).willSetStateTo("up"));
        intuit.stubFor(cdc(company).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(json(cdcResponse("2025-03-10T02:00:03.000-07:00", List.of(), List.of()))));

        SyncReport report = gateway.sync(company.org());

        assertThat(report.completed()).as(report.toString()).isTrue();
        assertThat(report.apiCalls()).isEqualTo(2);
        assertThat(pause.pauses).hasSize(1);
    }

    private InvoiceSnapshot load(Company company, String id) {
        return invoices.load(new InvoiceRef(company.org(), id)).orElseThrow(() -> new AssertionError("invoice " + id + " not stored"));
    }

    private static String query(LoggedRequest request) {
        return request.queryParameter("query").firstValue();
    }
}
