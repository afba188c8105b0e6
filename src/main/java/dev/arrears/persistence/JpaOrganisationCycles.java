package dev.arrears.persistence;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.cycle.CycleBook;
import dev.arrears.application.cycle.CycleRecord;
import dev.arrears.application.cycle.CycleStep;
import dev.arrears.application.cycle.DueSteps;
import dev.arrears.application.cycle.OrganisationLeases;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Leases and cycle bookkeeping on the {@code organisation} row. Every statement is one short
 * transaction of targeted SQL with instants from the application's clock (never the database's
 * {@code now()}, so a simulated clock leases, expires and backs off consistently).
 */
@ApplicationScoped
public class JpaOrganisationCycles implements OrganisationLeases, CycleBook {

    // A lease is free, expired, or already ours (a run that could not release it, e.g. while the
    // database was unreachable), and no dispatch run is working the organisation's actions (its
    // dispatch mark, V7 and V20), not even one of this replica: its dispatch job and its cycle are
    // two threads, and one organisation is dispatched by one thread at a time. A mark this replica
    // failed to give back expires with its claims. Rows another replica is taking right now are skipped, not waited for.
    private static final String ACQUIRE_DUE = """
            update organisation set lease_owner = :replica, lease_expires_at = :until
            where id in (
                select id from organisation
                where mode in ('PREVIEW', 'LIVE')
                  and (lease_owner is null or lease_expires_at <= :now or lease_owner = :replica)
                  and (dispatch_owner is null or dispatch_expires_at <= :now)
                  and (cycle_requested_at is not null
                       or ((backoff_until is null or backoff_until <= :now)
                           and (last_sync_at is null or last_sync_at <= :syncBefore
                                or last_decide_at is null or last_decide_at <= :decideBefore
                                or settings_refreshed_at is null or settings_refreshed_at <= :settingsBefore)))
                order by cycle_requested_at nulls last, last_cycle_at nulls first, id
                limit :limit
                for update skip locked)
            returning id""";

    private static final String ACQUIRE_ONE = """
            update organisation set lease_owner = :replica, lease_expires_at = :until
            where id = :id and mode in ('PREVIEW', 'LIVE')
              and (lease_owner is null or lease_expires_at <= :now or lease_owner = :replica)
              and (dispatch_owner is null or dispatch_expires_at <= :now)""";

    // Step bookkeeping is the lease holder's: a replica whose lease another replica has taken over
    // (and still holds) writes nothing. An organisation no cycle holds (a settings read of a paused
    // one, or a lease that ran out with nobody taking it) takes the record of whoever did the work.
    private static final String NOT_LEASED_BY_ANOTHER =
            " and (lease_owner is null or lease_owner = :replica or lease_expires_at <= :at)";

    private final EntityManager em;
    private final MeterRegistry metrics;

    JpaOrganisationCycles(EntityManager em, MeterRegistry metrics) {
        this.em = em;
        this.metrics = metrics;
    }

    @Override
    @Transactional
    public List<OrganisationId> acquireDue(String replica, Instant now, Instant leaseUntil, DueSteps due, int limit) {
        return session().createNativeQuery(ACQUIRE_DUE, UUID.class)
                .setParameter("replica", replica)
                .setParameter("until", leaseUntil)
                .setParameter("now", now)
                .setParameter("syncBefore", due.syncBefore())
                .setParameter("decideBefore", due.decideBefore())
                .setParameter("settingsBefore", due.settingsBefore())
                .setParameter("limit", limit)
                .getResultStream().map(OrganisationId::new).toList();
    }

    @Override
    @Transactional
    public boolean acquire(OrganisationId organisation, String replica, Instant now, Instant leaseUntil) {
        return session().createNativeMutationQuery(ACQUIRE_ONE)
                .setParameter("replica", replica)
                .setParameter("until", leaseUntil)
                .setParameter("now", now)
                .setParameter("id", organisation.value())
                .executeUpdate() == 1;
    }

    @Override
    @Transactional
    public boolean renew(OrganisationId organisation, String replica, Instant leaseUntil) {
        return session().createNativeMutationQuery(
                        "update organisation set lease_expires_at = :until where id = :id and lease_owner = :replica")
                .setParameter("until", leaseUntil)
                .setParameter("id", organisation.value())
                .setParameter("replica", replica)
                .executeUpdate() == 1;
    }

    @Override
    @Transactional
    public void release(OrganisationId organisation, String replica) {
        session().createNativeMutationQuery("update organisation set lease_owner = null, lease_expires_at = null "
                        + "where id = :id and lease_owner = :replica")
                .setParameter("id", organisation.value())
                .setParameter("replica", replica)
                .executeUpdate();
    }

    @Override
    @Transactional
    public void releaseAll(String replica) {
        session().createNativeMutationQuery(
                        "update organisation set lease_owner = null, lease_expires_at = null where lease_owner = :replica")
                .setParameter("replica", replica)
                .executeUpdate();
    }

    @Override
    @Transactional
    public Optional<CycleRecord> find(OrganisationId organisation) {
        return Optional.ofNullable(em.find(OrganisationEntity.class, organisation.value())).map(JpaOrganisationCycles::toRecord);
    }

    @Override
    @Transactional
    public List<CycleRecord> all() {
        return em.createQuery("from OrganisationEntity order by createdAt, id", OrganisationEntity.class)
                .getResultStream().map(JpaOrganisationCycles::toRecord).toList();
    }

    @Override
    @Transactional
    public boolean stepDone(OrganisationId organisation, CycleStep step, Instant at, String replica) {
        String column = switch (step) {
            case SETTINGS -> "settings_refreshed_at";
            case SYNC -> "last_sync_at";
            case DECIDE -> "last_decide_at";
        };
        return session().createNativeMutationQuery("update organisation set " + column + " = :at where id = :id" + NOT_LEASED_BY_ANOTHER)
                .setParameter("at", at)
                .setParameter("id", organisation.value())
                .setParameter("replica", replica)
                .executeUpdate() == 1;
    }

    @Override
    @Transactional
    public void settingsDue(OrganisationId organisation) {
        session().createNativeMutationQuery("update organisation set settings_refreshed_at = null where id = :id")
                .setParameter("id", organisation.value())
                .executeUpdate();
    }

    @Override
    @Transactional
    public boolean succeeded(OrganisationId organisation, String outcome, Instant at, String replica) {
        return session().createNativeMutationQuery("""
                        update organisation set last_cycle_at = :at, last_cycle_outcome = :outcome, last_cycle_error = null,
                            consecutive_failures = 0, backoff_until = null,
                            cycle_requested_at = case when cycle_requested_at <= :at then null else cycle_requested_at end
                        where id = :id""" + NOT_LEASED_BY_ANOTHER)
                .setParameter("at", at)
                .setParameter("outcome", outcome)
                .setParameter("id", organisation.value())
                .setParameter("replica", replica)
                .executeUpdate() == 1;
    }

    @Override
    @Transactional
    public boolean failed(OrganisationId organisation, String outcome, String error, Instant at, Instant backoffUntil,
                          String replica) {
        return session().createNativeMutationQuery("""
                        update organisation set last_cycle_at = :at, last_cycle_outcome = :outcome, last_cycle_error = :error,
                            consecutive_failures = consecutive_failures + 1, backoff_until = :backoff,
                            cycle_requested_at = case when cycle_requested_at <= :at then null else cycle_requested_at end
                        where id = :id""" + NOT_LEASED_BY_ANOTHER)
                .setParameter("at", at)
                .setParameter("outcome", outcome)
                .setParameter("error", error)
                .setParameter("backoff", backoffUntil)
                .setParameter("id", organisation.value())
                .setParameter("replica", replica)
                .executeUpdate() == 1;
    }

    @Override
    @Transactional
    public void pauseWrites(OrganisationId organisation, Instant until) {
        session().createNativeMutationQuery("""
                        update organisation set writes_paused_until = :until
                        where id = :id and (writes_paused_until is null or writes_paused_until < :until)""")
                .setParameter("until", until)
                .setParameter("id", organisation.value())
                .executeUpdate();
        metrics.counter("arrears.ledger.pauses").increment();
    }

    @Override
    @Transactional
    public List<OrganisationId> requestCycle(Optional<OrganisationId> organisation, Instant at) {
        String sql = "update organisation set cycle_requested_at = :at, backoff_until = null "
                + "where mode in ('PREVIEW', 'LIVE')" + (organisation.isPresent() ? " and id = :id" : "") + " returning id";
        var query = session().createNativeQuery(sql, UUID.class).setParameter("at", at);
        organisation.ifPresent(id -> query.setParameter("id", id.value()));
        return query.getResultStream().map(OrganisationId::new).toList();
    }

    private Session session() {
        return em.unwrap(Session.class);
    }

    private static CycleRecord toRecord(OrganisationEntity row) {
        return new CycleRecord(JpaOrganisationStore.toOrganisation(row), Optional.ofNullable(row.leaseOwner),
                Optional.ofNullable(row.leaseExpiresAt), Optional.ofNullable(row.lastSyncAt),
                Optional.ofNullable(row.lastDecideAt), Optional.ofNullable(row.settingsRefreshedAt),
                row.consecutiveFailures, Optional.ofNullable(row.backoffUntil), Optional.ofNullable(row.writesPausedUntil),
                Optional.ofNullable(row.cycleRequestedAt));
    }
}
