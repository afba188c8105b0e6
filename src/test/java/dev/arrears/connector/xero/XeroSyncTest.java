package dev.arrears.connector.xero;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.SyncCursor;
import dev.arrears.application.ledger.SyncReport;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.invoice.PaymentApplied;
import dev.arrears.domain.money.Money;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(XeroWireMock.class)
class XeroSyncTest extends XeroTestBase {

    static final Instant EARLIER = NOW.minus(Duration.ofDays(3));

    MappingBuilder fullPage(int page) {
        return get(urlPathEqualTo("/api.xro/2.0/Invoices"))
                .withQueryParam("Statuses", equalTo("AUTHORISED"))
                .withQueryParam("where", equalTo("Type==\"ACCREC\""))
                .withQueryParam("summaryOnly", equalTo("true"))
                .withQueryParam("pageSize", equalTo("2"))
                .withQueryParam("page", equalTo(Integer.toString(page)));
    }

    MappingBuilder changedPage(int page, String since) {
        return get(urlPathEqualTo("/api.xro/2.0/Invoices"))
                .withHeader("If-Modified-Since", equalTo(since))
                .withQueryParam("Statuses", absent())
                .withQueryParam("page", equalTo(Integer.toString(page)));
    }

    InvoiceSnapshot stored(String id) {
        return invoices.load(new InvoiceRef(org, id)).orElseThrow();
    }

    /** As if a full scan had finished at {@code at}. */
    void fullScanDoneAt(Instant at) {
        connections.advanceCursor(org, new SyncCursor(Optional.of("xero-full-scan=" + at), Optional.of(at)));
    }

    @Test
    void the_first_sync_loads_every_open_sales_invoice_page_by_page() {
        String a = id(), b = id(), c = id(), d = id(), fee = id();
        ObjectNode partPaid = invoice(c, "INV-0003", EARLIER).put("AmountDue", 65.0).put("AmountPaid", 50.0);
        ObjectNode ownFee = invoice(fee, "INV-0005", EARLIER).put("Reference", "ARREARS:" + org + ":x:fee:interest:p1");
        xero.stubFor(fullPage(1).willReturn(json(page(invoice(a, "INV-0001", EARLIER), invoice(b, "INV-0002", EARLIER)))));
        xero.stubFor(fullPage(2).willReturn(json(page(partPaid, invoice(d, "INV-0004", EARLIER)))));
        xero.stubFor(fullPage(3).willReturn(json(page(ownFee))));
        // summaryOnly leaves the payments out: the part-paid invoice is read in full by its id.
        ObjectNode full = partPaid.deepCopy();
        full.putArray("Payments").addObject().put("Date", msDate(LocalDate.of(2025, 2, 20))).put("Amount", 50.0)
                .put("PaymentID", id());
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices")).withQueryParam("IDs", equalTo(c))
                .willReturn(json(page(full))));

        SyncReport report = gateway.sync(org);

        assertThat(report.completed()).isTrue();
        assertThat(report.fullRescan()).isTrue();
        assertThat(report.invoicesStored()).isEqualTo(5);
        assertThat(report.apiCalls()).isEqualTo(4);
        assertThat(invoices.loadOpen(org)).extracting(InvoiceSnapshot::invoiceId).containsExactlyInAnyOrder(a, b, c, d, fee);
        InvoiceSnapshot part = stored(c);
        assertThat(part.amountDue()).isEqualTo(Money.of("65.00", "NZD"));
        assertThat(part.payments()).containsExactly(new PaymentApplied(LocalDate.of(2025, 2, 20), Money.of("50", "NZD")));
        assertThat(part.dueDate()).contains(LocalDate.of(2025, 2, 14)); // a date in UTC, never shifted to Auckland
        assertThat(stored(fee).lateFeeInvoice()).isTrue();
        assertThat(stored(a).lateFeeInvoice()).isFalse();
        SyncCursor cursor = connections.find(org).orElseThrow().cursor();
        assertThat(cursor.changedThrough()).contains(NOW);
        assertThat(cursor.token()).contains("xero-full-scan=" + NOW);
    }

    @Test
    void later_syncs_read_only_changes_with_an_overlap_and_follow_payments_credits_voids_and_deleted_payments() {
        String paid = id(), part = id(), credited = id(), voided = id();
        fullScanDoneAt(NOW.minus(Duration.ofHours(2)));
        String since = "2025-03-10T06:55:00Z"; // two hours ago, less the five-minute overlap
        Instant t1 = NOW.minus(Duration.ofMinutes(50));
        Instant t2 = NOW.minus(Duration.ofMinutes(40));
        ObjectNode paidInFull = invoice(paid, "INV-0010", t1).put("Status", "PAID").put("AmountDue", 0.0).put("AmountPaid", 115.0);
        paidInFull.putArray("Payments").addObject().put("Date", msDate(LocalDate.of(2025, 3, 9))).put("Amount", 115.0);
        ObjectNode partPaid = invoice(part, "INV-0011", t1).put("AmountDue", 100.0).put("AmountPaid", 15.0);
        partPaid.putArray("Payments").addObject().put("Date", msDate(LocalDate.of(2025, 3, 8))).put("Amount", 15.0);
        ObjectNode creditNote = invoice(credited, "INV-0012", t2).put("AmountDue", 90.0).put("AmountCredited", 25.0);
        creditNote.putArray("CreditNotes").addObject().put("Date", msDate(LocalDate.of(2025, 3, 7))).put("AppliedAmount", 25.0);
        ObjectNode void_ = invoice(voided, "INV-0013", t2).put("Status", "VOIDED");
        xero.stubFor(changedPage(1, since).willReturn(json(page(paidInFull, partPaid))));
        xero.stubFor(changedPage(2, since).willReturn(json(page(creditNote, void_))));
        xero.stubFor(changedPage(3, since).willReturn(json(page())));

        SyncReport report = gateway.sync(org);

        assertThat(report.fullRescan()).isFalse();
        assertThat(report.completed()).isTrue();
        assertThat(report.invoicesStored()).isEqualTo(4);
        assertThat(stored(paid).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(stored(paid).isSettled()).isTrue();
        assertThat(stored(part).amountDue()).isEqualTo(Money.of("100", "NZD"));
        assertThat(stored(part).payments()).hasSize(1);
        assertThat(stored(credited).amountDue()).isEqualTo(Money.of("90", "NZD"));
        assertThat(stored(credited).payments()).containsExactly(new PaymentApplied(LocalDate.of(2025, 3, 7), Money.of("25", "NZD")));
        assertThat(stored(voided).status()).isEqualTo(InvoiceStatus.VOIDED);
        assertThat(invoices.loadOpen(org)).extracting(InvoiceSnapshot::invoiceId).containsExactlyInAnyOrder(part, credited);
        assertThat(connections.find(org).orElseThrow().cursor().changedThrough()).contains(t2);

        // The payment on INV-0010 is deleted: Xero shows the invoice AUTHORISED again, and it is chased again.
        clock.advance(Duration.ofMinutes(10));
        Instant t3 = NOW.plus(Duration.ofMinutes(5));
        xero.resetAll();
        String since2 = "2025-03-10T08:15:00Z"; // t2 less five minutes
        xero.stubFor(changedPage(1, since2).willReturn(json(page(invoice(paid, "INV-0010", t3)))));

        assertThat(gateway.sync(org).completed()).isTrue();
        assertThat(stored(paid).status()).isEqualTo(InvoiceStatus.OPEN);
        assertThat(stored(paid).amountDue()).isEqualTo(Money.of("115", "NZD"));
        assertThat(invoices.loadOpen(org)).extracting(InvoiceSnapshot::invoiceId).contains(paid);
        assertThat(connections.find(org).orElseThrow().cursor().changedThrough()).contains(t3);
    }

    @Test
    void a_malformed_record_is_quarantined_with_its_reason_and_the_rest_of_its_page_is_stored() {
        String good = id(), bad = id(), alsoGood = id();
        fullScanDoneAt(NOW.minus(Duration.ofHours(1)));
        ObjectNode broken = invoice(bad, "INV-0021", NOW.minus(Duration.ofMinutes(30)));
        broken.remove("Contact");
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices")).withQueryParam("page", equalTo("1"))
                .willReturn(json(page(invoice(good, "INV-0020", NOW.minus(Duration.ofMinutes(40))), broken))));
        ObjectNode oddCurrency = invoice(alsoGood, "INV-0022", NOW.minus(Duration.ofMinutes(20)));
        ObjectNode amountTooPrecise = invoice(id(), "INV-0023", NOW.minus(Duration.ofMinutes(10))).put("Total", 115.123);
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices")).withQueryParam("page", equalTo("2"))
                .willReturn(json(page(oddCurrency, amountTooPrecise))));
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices")).withQueryParam("page", equalTo("3"))
                .willReturn(json(page())));

        SyncReport report = gateway.sync(org);

        assertThat(report.completed()).isTrue();
        assertThat(report.invoicesStored()).isEqualTo(2);
        assertThat(report.quarantined()).isEqualTo(2);
        assertThat(invoices.loadOpen(org)).extracting(InvoiceSnapshot::invoiceId).containsExactlyInAnyOrder(good, alsoGood);
        assertThat(invoices.quarantined(org)).hasSize(2)
                .anySatisfy(q -> {
                    assertThat(q.invoice().providerInvoiceId()).isEqualTo(bad);
                    assertThat(q.reason()).contains("Contact.ContactID is missing");
                })
                .anySatisfy(q -> assertThat(q.reason()).contains("Total").contains("more decimals"));
        // The cursor moved past the quarantined records too: they are stored, as quarantined.
        assertThat(connections.find(org).orElseThrow().cursor().changedThrough()).contains(NOW.minus(Duration.ofMinutes(10)));
    }

    @Test
    void control_characters_in_ledger_text_are_stripped_so_the_page_is_stored() {
        String withNul = id();
        fullScanDoneAt(NOW.minus(Duration.ofHours(1)));
        ObjectNode invoice = invoice(withNul, "INV-\u00000024", NOW.minus(Duration.ofMinutes(5)));
        ((ObjectNode) invoice.get("Contact")).put("Name", "Barney\u0000 Rubble\u0007");
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices")).withQueryParam("page", equalTo("1"))
                .willReturn(json(page(invoice))));
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices")).withQueryParam("page", equalTo("2"))
                .willReturn(json(page())));

        SyncReport report = gateway.sync(org);

        assertThat(report.completed()).isTrue();
        assertThat(invoices.loadOpen(org)).filteredOn(i -> i.invoiceId().equals(withNul)).singleElement().satisfies(i -> {
            assertThat(i.number()).isEqualTo("INV-0024");
            assertThat(i.customerName()).isEqualTo("Barney Rubble");
        });
    }

    @Test
    void the_periodic_rescan_finds_invoices_that_left_the_open_set_behind_an_incremental_read() {
        String stays = id(), paidQuietly = id(), gone = id();
        fullScanDoneAt(NOW.minus(Duration.ofHours(1)));
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices")).withQueryParam("page", equalTo("1"))
                .willReturn(json(page(invoice(stays, "INV-0030", EARLIER), invoice(paidQuietly, "INV-0031", EARLIER)))));
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices")).withQueryParam("page", equalTo("2"))
                .willReturn(json(page(invoice(gone, "INV-0032", EARLIER)))));
        assertThat(gateway.sync(org).completed()).isTrue();
        assertThat(invoices.loadOpen(org)).hasSize(3);

        clock.advance(Duration.ofHours(24));
        xero.resetAll();
        xero.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/connect/token").willReturn(tokens("access-2", "refresh-2")));
        xero.stubFor(fullPage(1).willReturn(json(page(invoice(stays, "INV-0030", EARLIER)))));
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices")).withQueryParam("IDs", equalTo(String.join(",", java.util.stream.Stream.of(paidQuietly, gone).sorted().toList())))
                .willReturn(json(page(invoice(paidQuietly, "INV-0031", EARLIER).put("Status", "PAID").put("AmountDue", 0.0)))));

        SyncReport rescan = gateway.sync(org);

        assertThat(rescan.fullRescan()).isTrue();
        assertThat(rescan.completed()).isTrue();
        assertThat(invoices.loadOpen(org)).extracting(InvoiceSnapshot::invoiceId).containsExactly(stays);
        assertThat(stored(paidQuietly).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoices.quarantined(org)).singleElement()
                .satisfies(q -> assertThat(q.reason()).contains("no longer returns this invoice"));
        xero.verify(getRequestedFor(urlPathEqualTo("/api.xro/2.0/Invoices")).withQueryParam("summaryOnly", equalTo("true")));
    }

    @Test
    void an_incremental_sync_asks_for_the_oldest_changes_first_so_a_failure_between_pages_skips_no_record() {
        String old = id(), middle = id(), newest = id();
        Map<String, Instant> updated = Map.of(old, NOW.minus(Duration.ofMinutes(50)),
                middle, NOW.minus(Duration.ofMinutes(40)), newest, NOW.minus(Duration.ofMinutes(10)));
        fullScanDoneAt(NOW.minus(Duration.ofHours(1)));
        // Without an order Xero promises none: this page 1 holds the newest change and the oldest.
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices")).withQueryParam("order", absent())
                .withQueryParam("page", equalTo("1"))
                .willReturn(json(page(invoice(newest, "INV-0052", updated.get(newest)), invoice(old, "INV-0050", updated.get(old))))));
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices")).withQueryParam("order", equalTo("UpdatedDateUTC ASC"))
                .withQueryParam("page", equalTo("1"))
                .willReturn(json(page(invoice(old, "INV-0050", updated.get(old)), invoice(middle, "INV-0051", updated.get(middle))))));
        // Page 2 fails, whatever the order.
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices")).withQueryParam("page", equalTo("2"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.serverError()));

        assertThat(gateway.sync(org).completed()).isFalse();

        Instant cursor = connections.find(org).orElseThrow().cursor().changedThrough().orElseThrow();
        for (Map.Entry<String, Instant> record : updated.entrySet()) {
            boolean isStored = invoices.load(new InvoiceRef(org, record.getKey())).isPresent();
            assertThat(isStored || record.getValue().isAfter(cursor))
                    .as("the cursor (%s) does not pass the unstored change of %s", cursor, record.getValue()).isTrue();
        }
    }

    @Test
    void a_failure_stops_the_sync_and_keeps_what_was_stored() {
        String first = id();
        fullScanDoneAt(NOW.minus(Duration.ofHours(1)));
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices")).withQueryParam("page", equalTo("1"))
                .willReturn(json(page(invoice(first, "INV-0040", NOW.minus(Duration.ofMinutes(30))), invoice(id(), "INV-0041",
                        NOW.minus(Duration.ofMinutes(20)))))));
        xero.stubFor(get(urlPathEqualTo("/api.xro/2.0/Invoices")).withQueryParam("page", equalTo("2"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.serverError()));

        SyncReport report = gateway.sync(org);

        assertThat(report.completed()).isFalse();
        assertThat(report.invoicesStored()).isEqualTo(2);
        assertThat(stored(first).status()).isEqualTo(InvoiceStatus.OPEN);
        assertThat(connections.find(org).orElseThrow().cursor().changedThrough()).contains(NOW.minus(Duration.ofMinutes(20)));
        // 5xx are retried with backoff before giving up: three attempts at page 2.
        xero.verify(3, getRequestedFor(urlPathEqualTo("/api.xro/2.0/Invoices")).withQueryParam("page", equalTo("2")));
    }

    @Test
    void dates_are_read_exactly() {
        assertThat(XeroDates.instant("/Date(1546128000000+0000)/")).isEqualTo(Instant.parse("2018-12-30T00:00:00Z"));
        assertThat(XeroDates.instant("/Date(1552326816230)/")).isEqualTo(Instant.ofEpochMilli(1552326816230L));
        assertThat(XeroDates.instant("/Date(1546128000000+1300)/")).isEqualTo(Instant.parse("2018-12-30T00:00:00Z"));
        assertThat(XeroDates.instant("/Date(-86400000)/")).isEqualTo(Instant.parse("1969-12-31T00:00:00Z"));
        assertThat(XeroDates.date("/Date(1546128000000+0000)/")).isEqualTo(LocalDate.of(2018, 12, 30));
        assertThat(XeroDates.instant("2019-03-11T17:58:46Z")).isEqualTo(Instant.parse("2019-03-11T17:58:46Z"));
        assertThat(XeroDates.instant("2019-12-07T18:46:19.5165400")).isEqualTo(Instant.parse("2019-12-07T18:46:19.516540Z"));
        assertThat(List.of(XeroDates.ifModifiedSince(Instant.parse("2025-03-10T06:55:00.123Z")))).containsExactly("2025-03-10T06:55:00Z");
    }
}
