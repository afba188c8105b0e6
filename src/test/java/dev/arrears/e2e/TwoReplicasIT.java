package dev.arrears.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #6, "Done when" #1: two daemons of the packaged application (two processes, each with its
 * own replica id) on one database, against one standalone sandbox with 50 organisations (25 Xero,
 * 25 QuickBooks, 20 open invoices each, reminders and late fees due), on one simulated clock.
 * Checked on the ledgers' side: every due action exactly once and none lost (see
 * {@link LedgerChecks#exactlyOnce}), a late fee for every unpaid invoice that reached its fee day,
 * each organisation worked by one replica at a time (the sandbox's journal records each call's
 * {@code X-Arrears-Replica} and when it arrived and was answered), and both replicas did work.
 * Database {@code arrears_replicas} plus the {@link ItDatabase} suffix.
 */
class TwoReplicasIT {

    private static final long SECONDS_PER_DAY = 6;
    private static final int DAYS = 20;
    /**
     * How late a stage may come: the send rules (office hours, three days between contacts with one
     * customer, two in any seven days) defer a reminder, and the next stage waits behind it.
     */
    private static final int MAX_DEFERRAL_DAYS = 12;

    private SandboxRig rig;

    @AfterEach
    void stop() throws InterruptedException {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void fiftyOrganisationsTwoReplicasEveryActionOnceOneReplicaAtATime() throws Exception {
        PackagedApp.requirePackaged();
        long began = System.nanoTime();
        rig = new SandboxRig("replicas", "bench:50x20", SECONDS_PER_DAY, Duration.ofSeconds(120));
        SandboxRig.Daemon a = rig.daemon("replica-a", Map.of());
        SandboxRig.Daemon b = rig.daemon("replica-b", Map.of());
        a.app().start();
        rig.awaitReady(a, Duration.ofSeconds(120));
        b.app().start();
        List<SandboxRig.Connected> orgs = rig.connectAll(a);
        assertThat(orgs).hasSize(50);
        assertThat(orgs.stream().filter(o -> o.provider().equals("xero")).count()).isEqualTo(25);
        rig.awaitReady(b, Duration.ofSeconds(120));
        System.out.printf("TwoReplicasIT: 50 organisations connected after %d s; clock runs from %s%n",
                (System.nanoTime() - began) / 1_000_000_000L, rig.anchor);

        Instant end = rig.simulatedStart.plus(Duration.ofDays(DAYS));
        while (rig.http.sandboxNow().isBefore(end)) {
            assertThat(a.app().isAlive()).as("%s is running", a.app()).isTrue();
            assertThat(b.app().isAlive()).as("%s is running", b.app()).isTrue();
            Thread.sleep(1000);
        }
        rig.quiesce(a, orgs, Duration.ofSeconds(60));

        SandboxRig.EndState state = rig.endState(a, orgs, Path.of("target/it-replicas-end-state.json"), Map.of());
        List<JsonNode> journal = rig.journal();
        E2eHttp.JSON.writeValue(Path.of("target/it-replicas-journal.json").toFile(), journal);
        Map<String, JsonNode> ledgers = state.ledgers();
        List<String> problems = new ArrayList<>(state.problems());
        int reminders = state.reminders();
        int fees = state.fees();
        LocalDate from = LocalDate.ofInstant(rig.simulatedStart, ZoneOffset.UTC).plusDays(2);
        LocalDate to = LocalDate.ofInstant(end, ZoneOffset.UTC).minusDays(MAX_DEFERRAL_DAYS);
        int feeDays = 0;
        for (SandboxRig.Connected o : orgs) {
            feeDays += LedgerChecks.feePerUnpaidInvoice(o.name(), ledgers.get(o.sandboxOrg()), state.outboxes().get(o.sandboxOrg()),
                    from, to, problems);
        }
        LedgerChecks.ReplicaReport who = LedgerChecks.replicas(journal);
        System.out.printf("TwoReplicasIT: %d reminders and %d late fees in the ledgers; %d fee days watched; calls %s,"
                        + " applied writes %s; hand-overs between replicas per organisation %s; %d s in all%n",
                reminders, fees, feeDays, who.callsPerReplica(), who.writesPerReplica(), who.handOvers().values(),
                (System.nanoTime() - began) / 1_000_000_000L);
        assertThat(problems).as("exactly once, none lost (see target/it-replicas-end-state.json)").isEmpty();
        assertThat(who.overlaps()).as("one replica at a time per organisation (see target/it-replicas-journal.json)").isEmpty();
        assertThat(reminders).as("reminders sent").isGreaterThan(50);
        assertThat(fees).as("late fees raised").isGreaterThan(5);
        assertThat(feeDays).as("unpaid invoices that reached their fee day during the run").isGreaterThan(3);
        assertThat(who.writesPerReplica()).as("both replicas wrote to the ledgers").containsKeys("replica-a", "replica-b");
        assertThat(who.callsPerReplica().keySet()).as("only our replicas called").containsOnly("replica-a", "replica-b");
    }
}
