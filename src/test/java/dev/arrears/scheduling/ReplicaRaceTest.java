package dev.arrears.scheduling;

import static dev.arrears.scheduling.CycleFixture.TODAY;
import static dev.arrears.scheduling.CycleFixture.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.cycle.CycleOutcome;
import dev.arrears.application.cycle.CycleSettings;
import dev.arrears.application.cycle.DispatchSettings;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two replicas (their own lease and claim components, their own replica ids) race on threads over
 * 50 organisations of both providers. Counted on the ledgers' side: every organisation is worked by
 * one replica at a time and synced once, and every due action is applied exactly once.
 */
@QuarkusTest
class ReplicaRaceTest extends CycleTestBase {

    static final int ORGANISATIONS = 50;

    @Test
    void two_replicas_share_fifty_organisations_and_the_outbox_with_no_double_work() throws Exception {
        RecordingLedger xero = fx.ledger(LedgerProvider.XERO);
        RecordingLedger quickbooks = fx.ledger(LedgerProvider.QUICKBOOKS);
        List<OrganisationId> orgs = new ArrayList<>();
        for (int i = 0; i < ORGANISATIONS; i++) {
            boolean isXero = i % 2 == 0;
            OrganisationId org = fx.liveOrganisation("Race " + i, isXero ? LedgerProvider.XERO : LedgerProvider.QUICKBOOKS);
            RecordingLedger ledger = isXero ? xero : quickbooks;
            ledger.put(invoice(org, "A", "C1", TODAY.minusDays(2)));   // 1 action
            ledger.put(invoice(org, "B", "C2", TODAY.minusDays(18)));  // 3 actions
            ledger.put(invoice(org, "C", "C3", TODAY.plusDays(40)));   // none
            orgs.add(org);
        }
        // Small batches, so the replicas interleave on organisations and on actions.
        CycleSettings cycle = new CycleSettings(Duration.ofMinutes(5), 3, Duration.ofMinutes(15), Duration.ofMinutes(15),
                Duration.ofDays(1), Duration.ofMinutes(1), Duration.ofHours(1));
        DispatchSettings dispatch = new DispatchSettings(Duration.ofMinutes(5), 2, 5, Duration.ofMinutes(1), Duration.ofHours(6));
        CycleFixture.Replica one = fx.replica("replica-one", cycle, dispatch, List.of(), xero, quickbooks);
        CycleFixture.Replica two = fx.replica("replica-two", cycle, dispatch, List.of(), xero, quickbooks);

        Map<OrganisationId, List<String>> workedBy = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (CycleFixture.Replica replica : List.of(one, two)) {
                String name = replica.cycle().replica().value();
                runs.add(threads.submit(cycleUntilQuiet(replica, name, workedBy, start)));
                runs.add(threads.submit(dispatchUntilQuiet(replica, start)));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get(5, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        // Anything a racing cycle left behind; a fee or note claimed in a batch before its reminder looks again a minute later.
        fx.clock.advance(java.time.Duration.ofMinutes(1));
        one.dispatch().dispatchDue();

        assertThat(xero.violations()).isEmpty();
        assertThat(quickbooks.violations()).isEmpty();
        for (OrganisationId org : orgs) {
            RecordingLedger ledger = xero.syncs(org) > 0 ? xero : quickbooks;
            assertThat(ledger.syncs(org)).as("syncs of %s", org).isEqualTo(1);
            assertThat(workedBy.get(org)).as("replicas that completed %s", org).hasSize(1);
            assertThat(ledger.applied(org)).as("writes applied in the ledger of %s", org).hasSize(4);
            assertThat(fx.outbox(org)).hasSize(4).allMatch(e -> e.status() == OutboxStatus.DONE);
        }
        List<RecordingLedger.Applied> applied = new ArrayList<>(xero.applied());
        applied.addAll(quickbooks.applied());
        Map<String, Long> perKey = applied.stream().collect(Collectors.groupingBy(RecordingLedger.Applied::key,
                Collectors.counting()));
        assertThat(perKey).hasSize(4 * ORGANISATIONS).allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
        // No fault was injected, so not even the idempotency key was needed: one write call per action.
        assertThat(perKey.keySet()).allSatisfy(key ->
                assertThat(xero.writeCalls(key) + quickbooks.writeCalls(key)).as("write calls for %s", key).isEqualTo(1));
        // Both replicas did some of the work.
        Map<String, Long> perReplica = workedBy.values().stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perReplica).containsKeys("replica-one", "replica-two");
    }

    private static Callable<Integer> cycleUntilQuiet(CycleFixture.Replica replica, String name,
                                                     Map<OrganisationId, List<String>> workedBy, CountDownLatch start) {
        return () -> {
            start.await();
            int quietRuns = 0;
            int runs = 0;
            while (quietRuns < 3 && runs++ < 500) {
                List<CycleOutcome> outcomes = replica.cycle().runDue();
                for (CycleOutcome outcome : outcomes) {
                    if (outcome instanceof CycleOutcome.Completed) {
                        workedBy.computeIfAbsent(outcome.organisation(), o -> Collections.synchronizedList(new ArrayList<>()))
                                .add(name);
                    }
                }
                quietRuns = outcomes.isEmpty() ? quietRuns + 1 : 0;
            }
            return runs;
        };
    }

    private static Callable<Integer> dispatchUntilQuiet(CycleFixture.Replica replica, CountDownLatch start) {
        return () -> {
            start.await();
            int claimed = 0;
            for (int i = 0; i < 200; i++) {
                claimed += replica.dispatch().dispatchDue().claimed();
                Thread.onSpinWait();
            }
            return claimed;
        };
    }
}
