package dev.arrears.persistence;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.cycle.ActionClaims;
import dev.arrears.application.cycle.AutomaticContact;
import dev.arrears.application.cycle.ClaimResult;
import dev.arrears.application.cycle.ClaimedAction;
import dev.arrears.domain.policy.ReminderChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/**
 * {@link ActionClaims} on {@code outbox_action}: a claim is one short transaction
 * ({@code FOR UPDATE SKIP LOCKED}, then the rows are marked CLAIMED with an expiry), and so is
 * storing each result; no lock is held in between, while the ledger is called.
 */
@ApplicationScoped
public class JpaActionClaims implements ActionClaims {

    // Organisations this dispatch run may dispatch now: live, writes not paused, not leased by another
    // cycle (%1$s: a dispatch job skips organisations its own replica's cycle leased, that cycle
    // dispatches them; a cycle's own dispatch passes its lease) and not being dispatched by another
    // run, of this replica or another (one thread per organisation). The organisations are those of
    // the first due actions within the batch limit, so one run never marks more than it can claim
    // and the other replicas find the rest. Taking the mark is an update of the organisation row,
    // like a lease, so the two exclude each other under the row lock and every replica sees the
    // other's mark once it waited for it.
    private static final String MARK = """
            with due as (
                select g.id from outbox_action o join organisation g on g.id = o.organisation_id
                where g.mode = 'LIVE' and (g.writes_paused_until is null or g.writes_paused_until <= :now)
                  and %1$s
                  and (g.dispatch_owner is null or g.dispatch_expires_at <= :now or g.dispatch_run = :run)
                  %2$s
                  and ((o.status = 'PENDING' and o.next_attempt_at <= :now)
                       or (o.status = 'CLAIMED' and o.claim_expires_at <= :now))
                order by o.next_attempt_at, o.created_at, o.id
                limit :limit
                for update of g skip locked)
            update organisation g set dispatch_owner = :replica, dispatch_run = :run, dispatch_expires_at = :until
            where g.id in (select id from due)
              and %1$s
              and (g.dispatch_owner is null or g.dispatch_expires_at <= :now or g.dispatch_run = :run)
            returning g.id""";

    private static final String LEASE_FREE = "(g.lease_owner is null or g.lease_expires_at <= :now)";
    private static final String LEASE_FREE_OR_OURS =
            "(g.lease_owner is null or g.lease_expires_at <= :now or g.lease_owner = :replica)";

    // "in_doubt or (status = 'CLAIMED' and writing)" reads the row as it was: an expired claim's
    // replica may have died mid-write, so whoever takes it over must look for the write's evidence
    // first. A claim that expired before its write began cannot have reached the ledger.
    private static final String CLAIM = """
            with picked as (
                select o.id from outbox_action o
                where o.organisation_id in (:orgs)
                  and ((o.status = 'PENDING' and o.next_attempt_at <= :now)
                       or (o.status = 'CLAIMED' and o.claim_expires_at <= :now))
                order by o.next_attempt_at, o.created_at, o.id
                limit :limit
                for update of o skip locked)
            update outbox_action a set in_doubt = (a.in_doubt or (a.status = 'CLAIMED' and a.writing)), writing = false,
                status = 'CLAIMED', claimed_by = :replica, claim_expires_at = :until, updated_at = :now
            from picked where a.id = picked.id
            returning a.id""";

    private static final String MINE = " where id = :id and status = 'CLAIMED' and claimed_by = :replica";
    // Marks an action as writing before its write begins: from then on it is in doubt if the claim is lost.
    private static final String MARK_WRITING = """
            update outbox_action set writing = true, first_write_at = coalesce(first_write_at, :at),
                payload = payload || jsonb_build_object('channel', cast(:channel as text)),
                updated_at = :at""";

    private final EntityManager em;
    private final AuditTrail audit;
    private final JpaContactLog contacts;

    JpaActionClaims(EntityManager em, AuditTrail audit, JpaContactLog contacts) {
        this.contacts = contacts;
        this.em = em;
        this.audit = audit;
    }

    @Override
    @Transactional
    public List<ClaimedAction> claim(String replica, UUID run, Instant now, Instant claimUntil, int limit,
                                     Optional<OrganisationId> organisation) {
        NativeQuery<UUID> mark = session().createNativeQuery(organisation.isPresent()
                        ? MARK.formatted(LEASE_FREE_OR_OURS, "and g.id = :org")
                        : MARK.formatted(LEASE_FREE, ""), UUID.class)
                .setParameter("now", now)
                .setParameter("until", claimUntil)
                .setParameter("run", run)
                .setParameter("limit", limit)
                .setParameter("replica", replica);
        organisation.ifPresent(id -> mark.setParameter("org", id.value()));
        List<UUID> organisations = mark.getResultList();
        if (organisations.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = session().createNativeQuery(CLAIM, UUID.class)
                .setParameter("orgs", organisations)
                .setParameter("now", now)
                .setParameter("until", claimUntil)
                .setParameter("replica", replica)
                .setParameter("limit", limit)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select o, i.providerInvoiceId from OutboxActionEntity o join InvoiceEntity i on i.id = o.invoiceId "
                        + "where o.id in :ids order by o.nextAttemptAt, o.createdAt, o.id", Object[].class)
                .setParameter("ids", ids)
                .getResultStream()
                .map(r -> {
                    OutboxActionEntity row = (OutboxActionEntity) r[0];
                    InvoiceRef invoice = new InvoiceRef(new OrganisationId(row.organisationId), (String) r[1]);
                    return new ClaimedAction(JpaOutbox.toEntry(row, invoice), row.inDoubt,
                            Optional.ofNullable(row.firstWriteAt));
                })
                .toList();
    }

    @Override
    @Transactional
    public boolean settle(UUID actionId, String replica, ClaimResult result, Instant at, Optional<AuditEvent> event) {
        NativeQuery<?> update = switch (result) {
            case ClaimResult.Done done -> session().createNativeQuery("""
                            update outbox_action set status = 'DONE', ledger_reference = :ref, in_doubt = false,
                                status_reason = null, last_error = null, claimed_by = null, claim_expires_at = null, writing = false,
                                updated_at = :at""" + MINE)
                    .setParameter("ref", done.ledgerReference());
            case ClaimResult.Cancelled cancelled -> session().createNativeQuery("""
                            update outbox_action set status = 'CANCELLED', status_reason = :reason,
                                claimed_by = null, claim_expires_at = null, writing = false, updated_at = :at""" + MINE)
                    .setParameter("reason", cancelled.reason());
            case ClaimResult.Retry retry -> session().createNativeQuery("""
                            update outbox_action set status = case when :previewed then 'PREVIEWED' else 'PENDING' end,
                                next_attempt_at = :next,
                                status_reason = case when :previewed then 'the organisation went back to preview'
                                                     else status_reason end,
                                attempts = attempts + :counted, in_doubt = :doubt, last_error = :error,
                                claimed_by = null, claim_expires_at = null, writing = false, updated_at = :at""" + MINE)
                    .setParameter("next", retry.nextAttemptAt())
                    .setParameter("counted", retry.attempted() ? 1 : 0)
                    .setParameter("doubt", retry.inDoubt())
                    .setParameter("error", retry.error())
                    .setParameter("previewed", previewed(actionId));
            case ClaimResult.NeedsHuman human -> session().createNativeQuery("""
                            update outbox_action set status = 'NEEDS_HUMAN', status_reason = :reason,
                                attempts = attempts + :counted, last_error = :reason,
                                claimed_by = null, claim_expires_at = null, writing = false, updated_at = :at""" + MINE)
                    .setParameter("reason", human.reason())
                    .setParameter("counted", human.attempted() ? 1 : 0);
        };
        int changed = update.setParameter("at", at)
                .setParameter("id", actionId)
                .setParameter("replica", replica)
                .executeUpdate();
        if (changed == 0) {
            return false;
        }
        event.ifPresent(audit::append);
        if (result instanceof ClaimResult.Done done && done.contact().isPresent()) {
            // The reminder and its place in the customer's contact history, together or not at all.
            AutomaticContact contact = done.contact().get();
            contacts.record(contact.organisationId(), contact.record(), Optional.of(contact.invoiceId()), contact.note(),
                    "arrears");
        }
        return true;
    }

    /**
     * Whether the action's organisation is in preview: an action it gets back then is PREVIEWED, as
     * going back to preview made every pending one, so it is carried out only under the go-live rule.
     * The share lock waits for a mode switch in progress (it holds the row for update) and keeps one
     * from starting until this transaction ends, so the switch and this result never miss each other.
     */
    private boolean previewed(UUID actionId) {
        List<String> mode = session().createNativeQuery("""
                        select g.mode from organisation g join outbox_action o on o.organisation_id = g.id
                        where o.id = :id for share of g""", String.class)
                .setParameter("id", actionId)
                .getResultList();
        return mode.size() == 1 && mode.getFirst().equals("PREVIEW");
    }

    @Override
    @Transactional
    public boolean markWriting(UUID actionId, String replica, Instant at, ReminderChannel channel) {
        return session().createNativeMutationQuery(MARK_WRITING + MINE)
                .setParameter("at", at)
                .setParameter("channel", channel.name())
                .setParameter("id", actionId)
                .setParameter("replica", replica)
                .executeUpdate() == 1;
    }

    @Override
    @Transactional
    public boolean markWritingAll(List<UUID> actionIds, String replica, Instant at, ReminderChannel channel) {
        // The rows are locked first, so that none of them can change hands between the check and the mark.
        List<UUID> mine = session().createNativeQuery("""
                        select id from outbox_action where id in (:ids) and status = 'CLAIMED' and claimed_by = :replica
                        for update""", UUID.class)
                .setParameter("ids", actionIds)
                .setParameter("replica", replica)
                .getResultList();
        if (mine.size() != Set.copyOf(actionIds).size()) {
            return false;
        }
        session().createNativeMutationQuery(MARK_WRITING + " where id in (:ids)")
                .setParameter("at", at)
                .setParameter("channel", channel.name())
                .setParameter("ids", actionIds)
                .executeUpdate();
        return true;
    }

    @Override
    @Transactional
    public void release(String replica, UUID run) {
        // Only the marks this run took: the same replica may be dispatching other organisations in
        // another thread.
        session().createNativeMutationQuery("""
                        update organisation set dispatch_owner = null, dispatch_run = null, dispatch_expires_at = null
                        where dispatch_owner = :replica and dispatch_run = :run""")
                .setParameter("replica", replica)
                .setParameter("run", run)
                .executeUpdate();
    }

    @Override
    @Transactional
    public void expireAll(String replica, Instant now) {
        session().createNativeMutationQuery("""
                        update outbox_action set claim_expires_at = :now
                        where status = 'CLAIMED' and claimed_by = :replica and claim_expires_at > :now""")
                .setParameter("now", now)
                .setParameter("replica", replica)
                .executeUpdate();
        session().createNativeMutationQuery(
                        "update organisation set dispatch_owner = null, dispatch_run = null, dispatch_expires_at = null "
                                + "where dispatch_owner = :replica")
                .setParameter("replica", replica)
                .executeUpdate();
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
