package dev.arrears.scheduling;

import static dev.arrears.scheduling.CycleFixture.TODAY;
import static dev.arrears.scheduling.CycleFixture.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.cycle.CycleOutcome;
import dev.arrears.application.cycle.DueSteps;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cycle's lease and a dispatch run's claims exclude each other across replicas: an organisation
 * leased by one replica is not dispatched by another, and one being dispatched is not leased by
 * another until the dispatch run ends (or its claims expire, when its replica died).
 */
@QuarkusTest
class OneReplicaPerOrganisationTest extends CycleTestBase {

    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    RecordingLedger xero;
    OrganisationId org;
    String key;

    /** One reminder due and pending in the outbox: its first attempt met a 503. */
    @BeforeEach
    void onePendingReminder() {
        xero = fx.ledger(LedgerProvider.XERO);
        org = fx.liveOrganisation("Shared Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "A", "C1", TODAY.minusDays(2)));
        key = org + ":A:stage:overdue-notice:reminder:0";
        xero.failNext(key, RecordingLedger.Fault.SERVER_ERROR);
        fx.replica("first", xero).cycle().runDue();
        assertThat(fx.outbox(org, OutboxStatus.PENDING)).singleElement();
        fx.clock.advance(Duration.ofHours(1));
    }

    @Test
    void an_organisation_leased_by_one_replica_is_not_dispatched_by_another() {
        Instant now = fx.clock.instant();
        assertThat(fx.leases.acquire(org, "cycling", now, now.plus(FIVE_MINUTES))).isTrue();

        assertThat(fx.claims.claim("dispatching", UUID.randomUUID(), now, now.plus(FIVE_MINUTES), 10, Optional.empty())).isEmpty();
        assertThat(fx.claims.claim("cycling", UUID.randomUUID(), now, now.plus(FIVE_MINUTES), 10, Optional.empty()))
                .as("not even the lease holder's dispatch job: its cycle dispatches the organisation").isEmpty();
        assertThat(fx.claims.claim("cycling", UUID.randomUUID(), now, now.plus(FIVE_MINUTES), 10, Optional.of(org)))
                .as("the lease holder's cycle dispatches its own organisation").hasSize(1);
    }

    @Test
    void an_organisation_being_dispatched_is_not_leased_by_another_replica_until_the_dispatch_run_ends() {
        Instant now = fx.clock.instant();
        Instant until = now.plus(FIVE_MINUTES);
        UUID run = UUID.randomUUID();
        assertThat(fx.claims.claim("dispatching", run, now, until, 10, Optional.empty())).hasSize(1);

        assertThat(fx.leases.acquire(org, "cycling", now, until)).isFalse();
        assertThat(fx.leases.acquireDue("cycling", now, until, new DueSteps(now, now, now), 10)).isEmpty();

        fx.claims.release("dispatching", run);
        assertThat(fx.leases.acquire(org, "cycling", now, until)).isTrue();
    }

    @Test
    void a_dead_dispatchers_mark_expires_with_its_claims() {
        Instant now = fx.clock.instant();
        assertThat(fx.claims.claim("dead", UUID.randomUUID(), now, now.plus(FIVE_MINUTES), 10, Optional.empty())).hasSize(1);
        CycleFixture.Replica survivor = fx.replica("survivor", xero);

        assertThat(survivor.cycle().runNow(org)).as("leased while the dead replica's claims last")
                .isInstanceOf(CycleOutcome.Skipped.class);
        fx.clock.advance(FIVE_MINUTES.plusSeconds(1));
        survivor.dispatch().dispatchDue();

        assertThat(xero.applied(org)).filteredOn(a -> a.key().equals(key)).hasSize(1);
        assertThat(fx.book.find(org).orElseThrow().leaseOwner()).isEmpty();
    }

    @Test
    void a_dispatch_run_gives_its_marks_back_when_it_ends() {
        fx.replica("dispatching", xero).dispatch().dispatchDue();
        assertThat(xero.applied(org)).filteredOn(a -> a.key().equals(key)).hasSize(1);

        Instant now = fx.clock.instant();
        assertThat(fx.leases.acquire(org, "cycling", now, now.plus(FIVE_MINUTES))).isTrue();
    }
}
