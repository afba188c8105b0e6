package dev.arrears.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.application.InvoiceStore;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.collections.CollectionsStore;
import dev.arrears.application.collections.ContactLog;
import dev.arrears.application.collections.UnknownCollectionsFactException;
import dev.arrears.domain.collections.DisputeOutcome;
import dev.arrears.domain.collections.DisputeResolution;
import dev.arrears.domain.collections.HoldScope;
import dev.arrears.domain.collections.Instalment;
import dev.arrears.domain.collections.LimitationPeriod;
import dev.arrears.domain.contact.ContactChannel;
import dev.arrears.domain.contact.ContactRecord;
import dev.arrears.domain.dunning.CollectionsEvent;
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
class CollectionsStoreTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 1);

    @Inject
    OrganisationStore organisations;
    @Inject
    InvoiceStore invoices;
    @Inject
    CollectionsStore store;
    @Inject
    ContactLog contacts;

    private OrganisationId org;

    @BeforeEach
    void organisation() {
        org = Fixtures.organisation(organisations);
    }

    @Test
    void facts_round_trip_into_the_engines_context() {
        var hold = store.placeHold(org, new HoldScope.Customer("CUST-1"), "audit", "jo", DAY, Optional.of(DAY.plusDays(10)));
        var organisationHold = store.placeHold(org, new HoldScope.WholeOrganisation(), "migration", "jo", DAY, Optional.empty());
        store.raiseDispute(org, "A", "wrong price", "jo", DAY);
        store.resolveDispute(org, "A", new DisputeResolution(DAY.plusDays(3), DisputeOutcome.PARTLY_UPHELD, "credit 10", "sam"));
        var promise = store.recordPromise(org, "B", "CUST-1", DAY, DAY.plusDays(7), Optional.of(Money.of("12.50", "GBP")), "jo");
        store.setLimitation(org, new LimitationPeriod(5, 90), "jo");

        var context = store.contextFor(org);

        // Both were set at the same instant of the test clock: their order is not part of the contract.
        assertThat(context.holds()).containsExactlyInAnyOrder(hold, organisationHold);
        assertThat(context.disputes()).singleElement().satisfies(d -> {
            assertThat(d.invoiceId()).isEqualTo("A");
            assertThat(d.resolution().orElseThrow().outcome()).isEqualTo(DisputeOutcome.PARTLY_UPHELD);
        });
        assertThat(context.promises()).containsExactly(promise);
        assertThat(context.limitation()).contains(new LimitationPeriod(5, 90));
        assertThat(store.releaseHold(org, hold.id(), "sam", DAY.plusDays(2)).releasedOn()).contains(DAY.plusDays(2));
    }

    @Test
    void a_plan_reads_back_with_the_payments_of_all_its_invoices() {
        InvoiceSnapshot a = withPayment("A", "2025-03-05", "40.00");
        InvoiceSnapshot b = withPayment("B", "2025-03-06", "20.00");
        Fixtures.stored(invoices, a);
        Fixtures.stored(invoices, b);
        var plan = store.agreePlan(org, "CUST-1", List.of("A", "B"), DAY, List.of(
                new Instalment(1, DAY.plusDays(10), Money.of("60.00", "GBP")),
                new Instalment(2, DAY.plusDays(40), Money.of("140.00", "GBP"))), "jo");

        var standing = store.contextFor(org).plans().getFirst();
        assertThat(standing.plan()).isEqualTo(plan);
        assertThat(standing.paidThrough(DAY.plusDays(10))).isEqualTo(Money.of("60.00", "GBP"));
        assertThat(store.endPlan(org, plan.id(), DAY.plusDays(20), "sam", "customer asked").endedOn()).contains(DAY.plusDays(20));
        assertThat(store.plans(org, "CUST-1")).hasSize(1);
    }

    @Test
    void an_invoice_id_containing_the_unit_separator_stays_one_id_of_the_plan() {
        var plan = store.agreePlan(org, "CUST-2", List.of("A\u001fB", "C"), DAY, List.of(
                new Instalment(1, DAY.plusDays(10), Money.of("60.00", "GBP"))), "jo");

        assertThat(store.plans(org, "CUST-2")).singleElement()
                .satisfies(p -> assertThat(p.invoiceIds()).containsExactly("A\u001fB", "C"));
        assertThat(plan.invoiceIds()).containsExactly("A\u001fB", "C");
    }

    @Test
    void a_date_past_the_year_9999_already_stored_is_read_back_so_the_hold_can_be_released() {
        LocalDate farAway = LocalDate.of(5_000_000, 1, 1);
        var hold = store.placeHold(org, new HoldScope.WholeOrganisation(), "typo", "jo", DAY, Optional.of(farAway));

        assertThat(store.holds(org)).singleElement().satisfies(h -> assertThat(h.resumeOn()).contains(farAway));
        assertThat(store.contextFor(org).holds()).hasSize(1);
        assertThat(store.releaseHold(org, hold.id(), "sam", DAY.plusDays(1)).releasedOn()).contains(DAY.plusDays(1));
    }

    @Test
    void a_second_open_dispute_is_refused_and_unknown_ids_are_reported() {
        store.raiseDispute(org, "A", "wrong price", "jo", DAY);
        assertThatThrownBy(() -> store.raiseDispute(org, "A", "again", "jo", DAY)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.releaseHold(org, "not-a-uuid", "jo", DAY)).isInstanceOf(UnknownCollectionsFactException.class);
        assertThatThrownBy(() -> store.resolveDispute(org, "B", new DisputeResolution(DAY, DisputeOutcome.REJECTED, "", "jo")))
                .isInstanceOf(UnknownCollectionsFactException.class);
    }

    @Test
    void broken_promises_are_counted_on_the_customer_once() {
        var promise = store.recordPromise(org, "A", "CUST-1", DAY, DAY.plusDays(7), Optional.empty(), "jo");
        var broken = new CollectionsEvent.PromiseBroken("CUST-1", "A", promise.id(), DAY.plusDays(7));
        store.recordPromiseOutcome(org, broken, DAY.plusDays(8));
        store.recordPromiseOutcome(org, broken, DAY.plusDays(9));
        assertThat(store.brokenPromises(org, "CUST-1")).isEqualTo(1);
        assertThat(store.brokenPromises(org, "CUST-2")).isZero();
    }

    @Test
    void manual_contacts_are_kept_per_customer_in_order() {
        contacts.record(org, ContactRecord.manual("CUST-1", Instant.parse("2025-03-02T10:15:30Z"), ContactChannel.PHONE),
                Optional.of("A"), Optional.of("promised to pay Friday"), "jo");
        contacts.record(org, ContactRecord.manual("CUST-1", Instant.parse("2025-03-01T09:00:00Z"), ContactChannel.LETTER),
                Optional.empty(), Optional.empty(), "jo");
        assertThat(contacts.forCustomer(org, "CUST-1")).extracting(ContactRecord::channel)
                .containsExactly(ContactChannel.LETTER, ContactChannel.PHONE);
        assertThat(contacts.forCustomer(org, "CUST-1").getLast().at()).isEqualTo(Instant.parse("2025-03-02T10:15:30Z"));
        assertThat(contacts.forCustomer(org, "CUST-2")).isEmpty();
    }

    private InvoiceSnapshot withPayment(String id, String date, String amount) {
        InvoiceSnapshot base = Fixtures.invoice(org, id, "CUST-1", "100.00", "GBP", InvoiceStatus.OPEN);
        var payment = Fixtures.payment(date, amount, "GBP");
        return new InvoiceSnapshot(base.organisationId(), base.invoiceId(), base.number(), base.customerId(), base.customerName(),
                base.issueDate(), base.dueDate(), base.total(), base.total().minus(payment.amount()), base.status(), List.of(payment), false);
    }
}
