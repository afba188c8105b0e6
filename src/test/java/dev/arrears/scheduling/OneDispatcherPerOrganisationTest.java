package dev.arrears.scheduling;

import static dev.arrears.scheduling.CycleFixture.TODAY;
import static dev.arrears.scheduling.CycleFixture.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.cycle.CycleOutcome;
import dev.arrears.application.cycle.CycleSettings;
import dev.arrears.application.cycle.DispatchActions;
import dev.arrears.application.cycle.DispatchSettings;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A dispatch run marks only the organisations of the actions it can claim, so other replicas
 * dispatch the rest meanwhile; and one organisation is dispatched by one thread at a time, even by
 * the two threads (cycle and dispatch job) of one replica.
 */
@QuarkusTest
class OneDispatcherPerOrganisationTest extends CycleTestBase {

    @Test
    void two_replicas_both_dispatch_fifty_organisations_because_a_run_marks_only_the_organisations_it_can_claim()
            throws Exception {
        RecordingLedger xero = fx.ledger(LedgerProvider.XERO);
        List<OrganisationId> orgs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            OrganisationId org = fx.liveOrganisation("Shared " + i, LedgerProvider.XERO);
            xero.put(invoice(org, "A", "C1", TODAY.minusDays(2)));   // one overdue reminder each
            orgs.add(org);
        }
        for (OrganisationId org : orgs) {   // planned, not yet dispatched
            xero.sync(org);
            fx.decide(fx.effectivePolicies).decide(fx.organisations.find(org).orElseThrow(), fx.clock.instant());
        }
        CycleFixture.Replica one = fx.replica("dispatcher-one", xero);
        CycleFixture.Replica two = fx.replica("dispatcher-two", xero);

        // While replica one is in its first ledger write, replica two runs its dispatch job.
        AtomicBoolean first = new AtomicBoolean(true);
        AtomicReference<DispatchActions.Report> secondReport = new AtomicReference<>();
        xero.afterApply(write -> {
            if (first.compareAndSet(true, false)) {
                secondReport.set(CompletableFuture.supplyAsync(() -> two.dispatch().dispatchDue()).join());
            }
        });
        DispatchActions.Report firstReport = one.dispatch().dispatchDue();

        assertThat(firstReport.count(DispatchActions.Outcome.DONE)).as("replica one dispatched").isPositive();
        assertThat(secondReport.get().count(DispatchActions.Outcome.DONE))
                .as("replica two dispatched while replica one was dispatching").isPositive();
        assertThat(firstReport.count(DispatchActions.Outcome.DONE) + secondReport.get().count(DispatchActions.Outcome.DONE))
                .isEqualTo(50);
        for (OrganisationId org : orgs) {
            assertThat(xero.applied(org)).as("exactly once").hasSize(1);
        }
        assertThat(xero.violations()).isEmpty();
    }

    @Test
    void the_cycle_and_the_dispatch_job_of_one_replica_never_dispatch_one_organisation_at_once_so_the_minimum_gap_holds()
            throws Exception {
        RecordingLedger xero = fx.ledger(LedgerProvider.XERO);
        Instant monday = Instant.parse("2025-03-10T10:00:00Z");   // Monday 10:00 in London
        fx.clock.set(monday);
        OrganisationId org = fx.liveOrganisation("Two Threads Ltd", LedgerProvider.XERO);
        LocalDate sunday = LocalDate.of(2025, 3, 9);
        xero.put(invoice(org, "A", "C1", sunday));   // two overdue reminders of one customer
        xero.put(invoice(org, "B", "C1", sunday));
        xero.sync(org);
        fx.decide(fx.effectivePolicies).decide(fx.organisations.find(org).orElseThrow(), monday);
        // One action per batch, so the dispatch job is between its two reminders when the cycle comes.
        DispatchSettings oneAtATime = new DispatchSettings(Duration.ofMinutes(5), 1, 5, Duration.ofMinutes(1), Duration.ofHours(6));
        CycleFixture.Replica replica = fx.replica("two-threads", CycleSettings.defaults(), oneAtATime, fx.guards, xero);

        // The dispatch job's first reminder is in the ledger; before its result is stored, the same
        // replica's cycle runs for the organisation on another thread, and finishes.
        AtomicBoolean first = new AtomicBoolean(true);
        AtomicReference<CycleOutcome> cycle = new AtomicReference<>();
        xero.afterApply(write -> {
            if (first.compareAndSet(true, false)) {
                cycle.set(CompletableFuture.supplyAsync(() -> replica.cycle().runNow(org)).orTimeout(2, TimeUnit.MINUTES).join());
            }
        });
        replica.dispatch().dispatchDue();
        replica.dispatch().dispatchDue();   // whatever the cycle left (nothing is due any more)

        assertThat(cycle.get()).as("the cycle ran while the dispatch job was writing").isNotNull();
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key).containsExactlyInAnyOrder(
                org + ":A:stage:overdue-notice:reminder:0", org + ":B:stage:overdue-notice:reminder:0");
        // Both reminders went out the same moment, so they must be one consolidated contact: two
        // contacts at once would break the organisation's minimum gap between contacts.
        assertThat(fx.rows("select distinct note from contact_record where organisation_id = ? and customer_id = 'C1'",
                org.value())).as("contacts with the customer").hasSize(1);
        assertThat(xero.violations()).isEmpty();
    }
}
