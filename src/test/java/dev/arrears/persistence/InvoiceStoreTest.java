package dev.arrears.persistence;

import static dev.arrears.persistence.Fixtures.incoming;
import static dev.arrears.persistence.Fixtures.invoice;
import static dev.arrears.persistence.Fixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.arrears.application.ConnectionStore;
import dev.arrears.application.DeliveryMode;
import dev.arrears.application.IncomingInvoice;
import dev.arrears.application.SyncPage;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OAuthTokens;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.Outbox;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.PageStored;
import dev.arrears.application.QuarantinedRecord;
import dev.arrears.application.SyncCursor;
import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InvoiceStoreTest {

    @Inject
    InvoiceStore invoices;
    @Inject
    OrganisationStore organisations;
    @Inject
    Outbox outbox;
    @Inject
    ConnectionStore connections;
    @Inject
    Sql sql;

    OrganisationId org;

    @BeforeEach
    void organisation() {
        org = Fixtures.organisation(organisations);
    }

    @Test
    void snapshots_round_trip_exactly_across_currencies_dates_and_payments() {
        InvoiceSnapshot gbp = new InvoiceSnapshot(org.toString(), "gbp-1", "INV-0042", "C1", "Bloggs & Co",
                LocalDate.of(2025, 1, 31), Optional.of(LocalDate.of(2025, 2, 28)), Money.of("1234.50", "GBP"),
                Money.of("734.50", "GBP"), InvoiceStatus.OPEN,
                List.of(payment("2025-02-01", "400.00", "GBP"), payment("2025-02-10", "100.00", "GBP")), false);
        InvoiceSnapshot jpy = new InvoiceSnapshot(org.toString(), "jpy-1", "INV-0043", "C2", "Tanaka KK",
                LocalDate.of(2024, 12, 29), Optional.of(LocalDate.of(2025, 1, 31)), Money.of("120000", "JPY"),
                Money.of("120000", "JPY"), InvoiceStatus.OPEN, List.of(), false);
        InvoiceSnapshot bhd = new InvoiceSnapshot(org.toString(), "bhd-1", "INV-0044", "C3", "Manama Trading",
                LocalDate.of(2025, 2, 1), Optional.of(LocalDate.of(2025, 3, 3)), Money.of("10.125", "BHD"),
                Money.of("0.001", "BHD"), InvoiceStatus.OPEN, List.of(payment("2025-02-02", "10.124", "BHD")), false);
        // No due date, no number, no customer name, raised by Arrears itself as a late fee.
        InvoiceSnapshot bare = new InvoiceSnapshot(org.toString(), "bare-1", null, "C1", null,
                LocalDate.of(2025, 2, 1), Optional.empty(), Money.of("15.00", "EUR"), Money.of("15.00", "EUR"),
                InvoiceStatus.OPEN, List.of(), true);

        PageStored stored = invoices.store(SyncPage.of(org, List.of(incoming(gbp), incoming(jpy), incoming(bhd), incoming(bare))));

        assertThat(stored.written()).isEqualTo(4);
        assertThat(invoices.loadOpen(org)).containsExactly(bare, bhd, gbp, jpy); // by provider id
        InvoiceSnapshot reloaded = invoices.load(InvoiceRef.of(bhd)).orElseThrow();
        assertThat(reloaded.total().amount()).hasToString("10.125");
        assertThat(reloaded.amountDue().amount()).hasToString("0.001");
        assertThat(invoices.load(InvoiceRef.of(jpy)).orElseThrow().total().amount()).hasToString("120000");
        assertThat(invoices.load(InvoiceRef.of(gbp)).orElseThrow().payments()).isEqualTo(gbp.payments());
    }

    @Test
    void an_older_copy_never_overwrites_a_newer_one_and_a_newer_copy_does() {
        InvoiceSnapshot first = invoice(org, "A", "100.00", "GBP");
        invoices.store(SyncPage.of(org, List.of(new IncomingInvoice(first, "{}", Instant.parse("2025-03-01T10:00:00Z")))));

        InvoiceSnapshot older = withAmountDue(first, "10.00");
        PageStored late = invoices.store(SyncPage.of(org,
                List.of(new IncomingInvoice(older, "{}", Instant.parse("2025-03-01T09:59:59Z")))));
        assertThat(late.written()).isZero();
        assertThat(late.ignoredAsOlder()).isEqualTo(1);
        assertThat(invoices.load(InvoiceRef.of(first))).contains(first);

        InvoiceSnapshot newer = withAmountDue(first, "60.00");
        invoices.store(SyncPage.of(org, List.of(new IncomingInvoice(newer, "{}", Instant.parse("2025-03-02T00:00:00Z")))));
        assertThat(invoices.load(InvoiceRef.of(first))).contains(newer);
    }

    /** A page is one statement now, and one statement cannot write a row twice: the newest copy is kept. */
    @Test
    void the_same_invoice_twice_in_a_page_keeps_its_newest_copy() {
        InvoiceSnapshot first = invoice(org, "A", "100.00", "GBP");
        InvoiceSnapshot newer = withAmountDue(first, "60.00");

        PageStored stored = invoices.store(SyncPage.of(org, List.of(
                new IncomingInvoice(newer, "{}", Instant.parse("2025-03-02T00:00:00Z")),
                new IncomingInvoice(first, "{}", Instant.parse("2025-03-01T10:00:00Z")))));

        assertThat(stored.written()).isEqualTo(1);
        assertThat(stored.ignoredAsOlder()).isEqualTo(1);
        assertThat(invoices.load(InvoiceRef.of(first))).contains(newer);
    }

    @Test
    void a_quarantined_record_is_kept_aside_and_the_rest_of_the_page_is_stored() throws Exception {
        InvoiceSnapshot good = invoice(org, "good", "50.00", "GBP");
        InvoiceSnapshot huge = invoice(org, "huge", "1000000000000000.00", "GBP"); // beyond numeric(19,4)
        QuarantinedRecord malformed = new QuarantinedRecord("bad", "DueDate 'soon' is not a date", "{\"DueDate\": \"soon\"");

        PageStored stored = invoices.store(new SyncPage(org, List.of(incoming(good), incoming(huge)), List.of(malformed),
                Optional.empty()));

        assertThat(stored.written()).isEqualTo(1);
        assertThat(stored.quarantined()).containsExactlyInAnyOrder("bad", "huge");
        assertThat(invoices.loadOpen(org)).containsExactly(good);
        assertThat(invoices.load(new InvoiceRef(org, "bad"))).isEmpty();
        assertThat(invoices.quarantined(org)).extracting(q -> q.invoice().providerInvoiceId(), q -> q.reason())
                .containsExactly(
                        tuple("bad", "DueDate 'soon' is not a date"),
                        tuple("huge", "amount 1000000000000000.00 GBP is beyond what Arrears stores (less than 10^15)"));
        // Not even valid JSON: kept verbatim as a JSON string, so nothing of it is lost.
        assertThat(sql.rows("select raw_payload #>> '{}' from invoice where organisation_id = ? and provider_invoice_id = 'bad'",
                org.value()).getFirst().getFirst()).isEqualTo("{\"DueDate\": \"soon\"");
    }

    @Test
    void a_good_copy_clears_an_earlier_quarantine() {
        invoices.store(new SyncPage(org, List.of(), List.of(new QuarantinedRecord("Q", "garbled", "??")), Optional.empty()));
        InvoiceSnapshot repaired = invoice(org, "Q", "75.00", "GBP");
        invoices.store(SyncPage.of(org, List.of(incoming(repaired))));
        assertThat(invoices.loadOpen(org)).containsExactly(repaired);
        assertThat(invoices.quarantined(org)).isEmpty();
    }

    @Test
    void an_invoice_arriving_paid_cancels_its_pending_actions_in_the_same_page() {
        InvoiceSnapshot open = invoice(org, "P", "80.00", "GBP");
        InvoiceRef ref = Fixtures.stored(invoices, open);
        ActionKey key = ActionKey.forStage(org.toString(), "P", "first reminder", "reminder", 0);
        outbox.record(ref, List.of(new PlannedAction.SendReminder(key, "first reminder", "polite")), DeliveryMode.DISPATCH, "v1");

        InvoiceSnapshot paid = new InvoiceSnapshot(org.toString(), "P", open.number(), open.customerId(), open.customerName(),
                open.issueDate(), open.dueDate(), open.total(), Money.of("0.00", "GBP"), InvoiceStatus.PAID, List.of(), false);
        PageStored stored = invoices.store(SyncPage.of(org,
                List.of(new IncomingInvoice(paid, "{}", Fixtures.UPDATED.plusSeconds(60)))));

        assertThat(stored.settled()).containsExactly(ref);
        assertThat(outbox.list(org, OutboxStatus.CANCELLED)).singleElement()
                .satisfies(e -> assertThat(e.statusReason()).contains("the invoice is paid in the ledger"));
        assertThat(invoices.loadOpen(org)).isEmpty();
    }

    @Test
    void the_cursor_advances_with_the_page() {
        connections.connect(org, LedgerProvider.XERO, "tenant-" + org, new OAuthTokens("a", Fixtures.UPDATED, "r",
                Optional.empty(), Optional.empty()), "accounting.transactions");
        SyncCursor cursor = new SyncCursor(Optional.empty(), Optional.of(Instant.parse("2025-03-01T12:00:00Z")));

        invoices.store(new SyncPage(org, List.of(incoming(invoice(org, "C", "1.00", "GBP"))), List.of(), Optional.of(cursor)));

        assertThat(connections.find(org).orElseThrow().cursor()).isEqualTo(cursor);
    }

    private static InvoiceSnapshot withAmountDue(InvoiceSnapshot s, String amountDue) {
        return new InvoiceSnapshot(s.organisationId(), s.invoiceId(), s.number(), s.customerId(), s.customerName(),
                s.issueDate(), s.dueDate(), s.total(), Money.of(amountDue, s.currency().getCurrencyCode()), s.status(),
                s.payments(), s.lateFeeInvoice());
    }
}
