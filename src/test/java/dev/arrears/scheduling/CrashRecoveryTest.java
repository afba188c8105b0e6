package dev.arrears.scheduling;

import static dev.arrears.scheduling.CycleFixture.TODAY;
import static dev.arrears.scheduling.CycleFixture.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.AuditKind;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.cycle.ClaimedAction;
import dev.arrears.application.cycle.CycleOutcome;
import dev.arrears.application.cycle.DispatchActions;
import dev.arrears.application.cycle.DueSteps;
import dev.arrears.application.cycle.ReplicaId;
import dev.arrears.application.cycle.ReplicaRestart;
import dev.arrears.application.ledger.LedgerWrite;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.policy.ReminderChannel;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replicas die, claims expire, the database drops every connection mid-cycle: every step restarts
 * from the database, and the ledger still gets each action exactly once.
 */
@QuarkusTest
class CrashRecoveryTest extends CycleTestBase {

    RecordingLedger xero;
    CycleFixture.Replica survivor;
    OrganisationId org;

    @BeforeEach
    void setUp() {
        xero = fx.ledger(LedgerProvider.XERO);
        survivor = fx.replica("survivor", xero);
        org = fx.liveOrganisation("Crashy Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "A", "C1", TODAY.minusDays(2)));
        xero.put(invoice(org, "B", "C2", TODAY.minusDays(18)));
    }

    @Test
    void a_dead_replicas_organisation_lease_expires_and_another_replica_takes_over() {
        Instant now = fx.clock.instant();
        DueSteps due = new DueSteps(now, now, now);
        assertThat(fx.leases.acquireDue("dead-replica", now, now.plus(Duration.ofMinutes(5)), due, 10)).containsExactly(org);
        // ... and the dead replica never renews nor releases.

        assertThat(survivor.cycle().runDue()).isEmpty();
        assertThat(survivor.cycle().runNow(org)).isInstanceOf(CycleOutcome.Skipped.class);
        fx.clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertThat(survivor.cycle().runDue()).singleElement().isInstanceOf(CycleOutcome.Completed.class);
        assertThat(xero.applied(org)).hasSize(4);
        assertThat(fx.book.find(org).orElseThrow().leaseOwner()).isEmpty();
    }

    @Test
    void a_claim_left_by_a_replica_that_died_mid_write_comes_back_in_doubt_and_is_not_written_twice() {
        String key = org + ":A:stage:overdue-notice:reminder:0";
        xero.failNext(key, RecordingLedger.Fault.SERVER_ERROR);
        survivor.cycle().runDue();
        assertThat(fx.outbox(org, OutboxStatus.PENDING)).singleElement();

        fx.clock.advance(Duration.ofHours(1));
        Instant now = fx.clock.instant();
        List<ClaimedAction> claimed = fx.claims.claim("dead-replica", UUID.randomUUID(), now, now.plus(Duration.ofMinutes(5)), 10, Optional.of(org));
        assertThat(claimed).singleElement().satisfies(c -> assertThat(c.inDoubt()).isFalse());
        PlannedAction.SendReminder reminder = (PlannedAction.SendReminder) claimed.getFirst().entry().action();
        // The dead replica began its write, which reached the ledger; then it died before storing the result.
        assertThat(fx.claims.markWriting(claimed.getFirst().entry().id(), "dead-replica", now, ReminderChannel.LEDGER)).isTrue();
        xero.applyDirectly(org, new LedgerWrite.Reminder(reminder.key(), invoice(org, "A", "C1", TODAY.minusDays(2)),
                reminder.stage(), reminder.template(), "sent", Optional.empty()));

        assertThat(survivor.dispatch().dispatchDue().claimed()).as("the claim has not expired yet").isZero();
        fx.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(survivor.dispatch().dispatchDue().claimed()).isEqualTo(1);

        assertThat(xero.applied(org)).filteredOn(a -> a.key().equals(key)).hasSize(1);
        assertThat(xero.writeCalls(key)).as("the failed attempt and the dead replica's, none by the survivor").isEqualTo(2);
        assertThat(xero.evidenceLookups(key)).isEqualTo(1);
        assertThat(fx.outbox(org, OutboxStatus.DONE)).filteredOn(e -> e.action().key().value().equals(key)).singleElement();
        assertThat(fx.audit.byInvoice(new InvoiceRef(org, "A"), 50)).extracting(r -> r.event().kind())
                .contains(AuditKind.ACTION_FOUND_IN_LEDGER);
    }

    @Test
    void a_claim_left_by_a_replica_that_died_before_its_write_began_is_not_in_doubt_and_is_written_once() {
        String key = pendingReminderAfterA503();
        Instant now = fx.clock.instant();
        assertThat(fx.claims.claim("dead-replica", UUID.randomUUID(), now, now.plus(Duration.ofMinutes(5)), 10, Optional.of(org))).hasSize(1);
        // ... and the dead replica died while re-reading the invoice, before its write began.

        fx.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(survivor.dispatch().dispatchDue().count(DispatchActions.Outcome.DONE)).isEqualTo(1);

        assertThat(xero.evidenceLookups(key)).as("nothing can be in the ledger: no search for it").isZero();
        assertThat(xero.applied(org)).filteredOn(a -> a.key().equals(key)).hasSize(1);
        assertThat(fx.audit.byInvoice(new InvoiceRef(org, "A"), 50)).extracting(r -> r.event().kind())
                .doesNotContain(AuditKind.ACTION_FOUND_IN_LEDGER, AuditKind.ACTION_NEEDS_HUMAN);
    }

    @Test
    void a_claim_lost_before_the_write_began_is_not_written() {
        String key = pendingReminderAfterA503();
        // The survivor's claim expires while it re-reads the invoice, and another replica takes it over.
        xero.beforeReread(id -> {
            fx.clock.advance(Duration.ofMinutes(6));
            Instant now = fx.clock.instant();
            fx.claims.claim("other", UUID.randomUUID(), now, now.plus(Duration.ofMinutes(5)), 10, Optional.of(org));
        });

        DispatchActions.Report report = survivor.dispatch().dispatchDue();

        assertThat(report.lost()).isEqualTo(1);
        assertThat(xero.writeCalls(key)).as("only the first, failed attempt").isEqualTo(1);
    }

    @Test
    void a_replica_restarted_under_its_own_id_takes_back_at_once_what_it_held_and_finds_its_cut_write() {
        String key = pendingReminderAfterA503();
        claimBeginWriteAndReachTheLedger("pod-0");
        // kill -9 right after the write reached the ledger; the process comes back a few seconds later.
        fx.clock.advance(Duration.ofSeconds(5));

        new ReplicaRestart(new ReplicaId("pod-0"), fx.clock, fx.leases, fx.claims).letGoOfEarlierRun();
        DispatchActions.Report report = fx.replica("pod-0", xero).dispatch().dispatchDue();

        assertThat(report.claimed()).as("taken back without waiting for the claim to expire").isEqualTo(1);
        assertThat(xero.evidenceLookups(key)).isEqualTo(1);
        assertThat(xero.applied(org)).filteredOn(a -> a.key().equals(key)).hasSize(1);
        assertThat(fx.outbox(org, OutboxStatus.DONE)).filteredOn(e -> e.action().key().value().equals(key)).singleElement();
    }

    @Test
    void a_restarted_replica_gives_up_the_leases_of_its_earlier_run() {
        Instant now = fx.clock.instant();
        assertThat(fx.leases.acquire(org, "pod-0", now, now.plus(Duration.ofMinutes(5)))).isTrue();

        new ReplicaRestart(new ReplicaId("pod-0"), fx.clock, fx.leases, fx.claims).letGoOfEarlierRun();

        assertThat(fx.book.find(org).orElseThrow().leaseOwner()).isEmpty();
        assertThat(survivor.cycle().runNow(org)).isInstanceOf(CycleOutcome.Completed.class);
    }

    @Test
    void a_reminder_a_dead_replica_sent_before_the_invoice_was_paid_is_done_not_cancelled() {
        String key = pendingReminderAfterA503();
        // The dead replica's reminder reached the ledger; it died; then the customer paid.
        claimBeginWriteAndReachTheLedger("dead-replica");
        xero.pay(org, "A");
        fx.clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        survivor.dispatch().dispatchDue();

        assertThat(fx.outbox(org)).filteredOn(e -> e.action().key().value().equals(key)).singleElement()
                .satisfies(e -> assertThat(e.status()).as("the reminder went out: done, as the ledger shows").isEqualTo(OutboxStatus.DONE));
        assertThat(xero.applied(org)).filteredOn(a -> a.key().equals(key)).hasSize(1);
    }

    /** {@code replica} claims invoice A's reminder, begins its write, and the write reaches the ledger. */
    private void claimBeginWriteAndReachTheLedger(String replica) {
        Instant now = fx.clock.instant();
        ClaimedAction claimed = fx.claims.claim(replica, UUID.randomUUID(), now, now.plus(Duration.ofMinutes(5)), 10, Optional.of(org)).getFirst();
        assertThat(fx.claims.markWriting(claimed.entry().id(), replica, now, ReminderChannel.LEDGER)).isTrue();
        PlannedAction.SendReminder reminder = (PlannedAction.SendReminder) claimed.entry().action();
        xero.applyDirectly(org, new LedgerWrite.Reminder(reminder.key(), invoice(org, "A", "C1", TODAY.minusDays(2)),
                reminder.stage(), reminder.template(), "sent", Optional.empty()));
    }

    /** Invoice A's reminder, pending an hour after its first attempt met a 503. */
    private String pendingReminderAfterA503() {
        String key = org + ":A:stage:overdue-notice:reminder:0";
        xero.failNext(key, RecordingLedger.Fault.SERVER_ERROR);
        survivor.cycle().runDue();
        fx.clock.advance(Duration.ofHours(1));
        return key;
    }

    @Test
    void database_connections_cut_mid_cycle_are_survived_and_the_next_run_completes_the_cycle() throws Exception {
        AtomicBoolean cut = new AtomicBoolean();
        xero.afterSync(o -> {
            if (cut.compareAndSet(false, true)) {
                cutDatabaseConnections();
            }
        });

        survivor.cycle().runDue();
        assertThat(cut).isTrue();

        fx.clock.advance(Duration.ofMinutes(16));
        List<CycleOutcome> next = nextTick();
        assertThat(next).singleElement().isInstanceOf(CycleOutcome.Completed.class);
        assertEveryActionAppliedOnce();
    }

    @Test
    void database_connections_cut_right_after_a_write_lose_nothing_and_write_nothing_twice() throws Exception {
        AtomicBoolean cut = new AtomicBoolean();
        xero.afterApply(write -> {
            if (cut.compareAndSet(false, true)) {
                cutDatabaseConnections();
            }
        });

        survivor.cycle().runDue();
        assertThat(cut).isTrue();
        assertThat(xero.applied(org)).hasSizeGreaterThanOrEqualTo(1);

        // The claims left behind expire; the next runs take them over in doubt and finish.
        fx.clock.advance(Duration.ofMinutes(16));
        nextTick();
        for (int i = 0; i < 5 && !fx.outbox(org, OutboxStatus.DONE).containsAll(fx.outbox(org)); i++) {
            fx.clock.advance(Duration.ofMinutes(30));
            survivor.dispatch().dispatchDue();
        }
        assertEveryActionAppliedOnce();
        assertThat(xero.applied(org)).allSatisfy(a -> assertThat(xero.writeCalls(a.key())).isEqualTo(1));
    }

    private void assertEveryActionAppliedOnce() {
        assertThat(fx.outbox(org)).hasSize(4).allMatch(e -> e.status() == OutboxStatus.DONE);
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key).doesNotHaveDuplicates().hasSize(4);
        assertThat(xero.violations()).isEmpty();
    }

    /** The next scheduler tick, on the same process: no restart, the pool replaces what the database cut. */
    private List<CycleOutcome> nextTick() {
        return survivor.cycle().runDue();
    }

    /** pg_terminate_backend on every session of the application's database, as a failover would. */
    private static void cutDatabaseConnections() {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null);
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                     + "where datname = current_database() and pid <> pg_backend_pid()")) {
            rs.next();
            assertThat(rs.getInt(1)).as("sessions cut").isPositive();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
