package dev.arrears.scheduling;

import static dev.arrears.scheduling.CycleFixture.TODAY;
import static dev.arrears.scheduling.CycleFixture.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.AuditKind;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.OutboxStatus;
import dev.arrears.domain.collections.HoldScope;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Holds, disputes and promises recorded by people take effect in the daemon's cycle, not only in the forecast. */
@QuarkusTest
class CollectionsInCycleTest extends OneXeroReplicaTestBase {

    @Test
    void a_dispute_raised_after_a_fee_was_planned_but_before_it_was_written_cancels_it_in_the_decision() {
        OrganisationId org = fx.liveOrganisation("Disputed Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "B", "C2", TODAY.minusDays(18)));
        String fee = org + ":B:fee:late-fee:p1";
        xero.failNext(fee, RecordingLedger.Fault.SERVER_ERROR);
        replica.cycle().runDue();
        assertThat(entry(org, fee).status()).isEqualTo(OutboxStatus.PENDING);

        fx.collections.raiseDispute(org, "B", "Damaged goods", "jo", TODAY);
        fx.clock.advance(Duration.ofMinutes(16));
        replica.cycle().runDue();

        OutboxEntry cancelled = entry(org, fee);
        assertThat(cancelled.status()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(cancelled.statusReason()).hasValueSatisfying(r -> assertThat(r).contains("Damaged goods"));
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key).doesNotContain(fee);
        assertThat(fx.audit.byInvoice(new InvoiceRef(org, "B"), 50))
                .filteredOn(r -> r.event().kind() == AuditKind.ACTION_CANCELLED)
                .anySatisfy(r -> assertThat(r.event().actionKey().orElseThrow().value()).isEqualTo(fee));
    }

    @Test
    void a_broken_promise_is_judged_in_the_cycle_and_recorded_on_the_customer() {
        OrganisationId org = fx.liveOrganisation("Promiser Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "A", "C1", TODAY.minusDays(10)));
        fx.collections.recordPromise(org, "A", "C1", TODAY.minusDays(9), TODAY.minusDays(1), Optional.empty(), "jo");

        replica.cycle().runDue();

        assertThat(fx.collections.brokenPromises(org, "C1")).isEqualTo(1);
        assertThat(fx.audit.byInvoice(new InvoiceRef(org, "A"), 50))
                .filteredOn(r -> r.event().kind() == AuditKind.PROMISE_JUDGED).singleElement()
                .satisfies(r -> assertThat(r.event().message()).contains("was broken"));
    }

    @Test
    void a_hold_placed_between_decide_and_dispatch_stops_the_write_and_the_reminder_goes_once_after_the_hold_ends() {
        OrganisationId org = fx.liveOrganisation("Held Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "A", "C1", TODAY.minusDays(2)));   // overdue notice due today
        String reminder = org + ":A:stage:overdue-notice:reminder:0";
        // A person puts the customer on hold after the decision, just before the dispatcher writes.
        String[] hold = new String[1];
        xero.beforeReread(invoiceId -> {
            if (hold[0] == null) {
                hold[0] = fx.collections.placeHold(org, new HoldScope.Customer("C1"), "Owner in hospital", "jo", TODAY,
                        Optional.empty()).id();
            }
        });

        replica.cycle().runDue();

        assertThat(xero.writeCalls(org)).isZero();
        assertThat(entry(org, reminder).status()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(entry(org, reminder).statusReason()).hasValueSatisfying(r -> assertThat(r).contains("Owner in hospital"));

        // While the hold lasts, cycles plan and send nothing.
        fx.clock.advance(Duration.ofDays(1));
        replica.cycle().runDue();
        assertThat(xero.writeCalls(org)).isZero();

        // Released two days later (the invoice is still in 'Overdue notice'): the reminder of the stage due goes once.
        fx.clock.advance(Duration.ofDays(1));
        fx.collections.releaseHold(org, hold[0], "jo", TODAY.plusDays(2));
        replica.cycle().runDue();
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key).containsExactly(reminder);
        assertThat(entry(org, reminder).status()).isEqualTo(OutboxStatus.DONE);

        fx.clock.advance(Duration.ofHours(1));
        replica.cycle().runDue();
        assertThat(xero.applied(org)).hasSize(1);
    }

    @Test
    void a_reminder_written_before_a_hold_is_not_sent_again_when_the_hold_ends() {
        OrganisationId org = fx.liveOrganisation("Held After Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "A", "C1", TODAY.minusDays(2)));
        replica.cycle().runDue();
        assertThat(xero.applied(org)).hasSize(1);

        String hold = fx.collections.placeHold(org, new HoldScope.Invoice("A"), "Checking the delivery", "jo", TODAY,
                Optional.of(TODAY.plusDays(2))).id();
        fx.clock.advance(Duration.ofDays(1));
        replica.cycle().runDue();
        fx.clock.advance(Duration.ofDays(1));
        replica.cycle().runDue();

        assertThat(hold).isNotBlank();
        assertThat(xero.applied(org)).hasSize(1);
        assertThat(xero.writeCalls(org)).isEqualTo(1);
    }

    OutboxEntry entry(OrganisationId org, String key) {
        return fx.outbox(org).stream().filter(e -> e.action().key().value().equals(key)).findFirst().orElseThrow();
    }
}
