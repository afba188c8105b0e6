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
import dev.arrears.persistence.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Holds, disputes and promises recorded by people take effect in the daemon's cycle, not only in the forecast. */
@QuarkusTest
class CollectionsInCycleTest {

    @Inject
    CycleFixture fx;

    RecordingLedger xero;
    CycleFixture.Replica replica;

    @BeforeEach
    void setUp() throws Exception {
        fx.reset();
        xero = fx.ledger(LedgerProvider.XERO);
        replica = fx.replica("collections-1", xero);
    }

    @AfterEach
    void resetClock() {
        fx.clock.set(TestClock.START);
    }

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

    OutboxEntry entry(OrganisationId org, String key) {
        return fx.outbox(org).stream().filter(e -> e.action().key().value().equals(key)).findFirst().orElseThrow();
    }
}
