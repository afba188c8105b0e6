package dev.arrears.persistence;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.UnknownOrganisationException;
import dev.arrears.application.cycle.QueueControl;
import dev.arrears.domain.dunning.ActionKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * {@link QueueControl} on {@code outbox_action} and {@code withheld_action}. The organisation's row is
 * locked first, then the action's, in the order a go-live takes them; a dispatcher claims with
 * {@code SKIP LOCKED}, so it passes over an action being changed here and finds it changed next time.
 */
@ApplicationScoped
public class JpaQueueControl implements QueueControl {

    private final EntityManager em;
    private final AuditTrail audit;

    JpaQueueControl(EntityManager em, AuditTrail audit) {
        this.em = em;
        this.audit = audit;
    }

    @Override
    @Transactional
    public OutboxEntry exclude(OrganisationId organisation, UUID action, String by, Instant at) {
        Locked locked = lock(organisation, action);
        requirePreview(locked, "excluded");
        require(locked, OutboxStatus.PREVIEWED, "Only an action still in the preview queue can be excluded");
        int added = em.createNativeQuery("insert into withheld_action (action_id, kind, withheld_by, withheld_at) "
                        + "values (:id, 'EXCLUDED', :by, :at) on conflict (action_id) do nothing")
                .setParameter("id", action).setParameter("by", by).setParameter("at", at).executeUpdate();
        if (added == 1) {
            audited(locked, by, "exclude", by + " excluded this action from the queue: it will not be sent when the "
                    + "organisation goes live.");
        }
        return locked.entry();
    }

    @Override
    @Transactional
    public OutboxEntry include(OrganisationId organisation, UUID action, String by, Instant at) {
        Locked locked = lock(organisation, action);
        requirePreview(locked, "included again");
        int removed = em.createNativeQuery("delete from withheld_action where action_id = :id and kind = 'EXCLUDED'")
                .setParameter("id", action).executeUpdate();
        if (removed == 1) {
            audited(locked, by, "include", by + " put this action back into the queue: going live may send it again "
                    + "under the go-live rule.");
        }
        return locked.entry();
    }

    @Override
    @Transactional
    public OutboxEntry stop(OrganisationId organisation, UUID action, String by, Instant at) {
        Locked locked = lock(organisation, action);
        require(locked, OutboxStatus.PENDING, "Only an action waiting to be sent can be stopped");
        OutboxActionEntity row = locked.action();
        row.status = OutboxStatus.CANCELLED.name();
        row.statusReason = "stopped by " + by;
        row.updatedAt = at;
        em.createNativeQuery("insert into withheld_action (action_id, kind, withheld_by, withheld_at) "
                        + "values (:id, 'STOPPED', :by, :at) "
                        + "on conflict (action_id) do update set kind = 'STOPPED', withheld_by = :by, withheld_at = :at")
                .setParameter("id", action).setParameter("by", by).setParameter("at", at).executeUpdate();
        audited(locked, by, "stop", by + " stopped this action: it will not be sent, and is not planned again.");
        return JpaOutbox.toEntry(row, locked.invoice());
    }

    @Override
    @Transactional
    public OutboxEntry chaseNow(OrganisationId organisation, UUID action, String by, Instant at) {
        Locked locked = lock(organisation, action);
        if (!locked.mode().equals(OrganisationMode.LIVE.name())) {
            throw new IllegalStateException("The organisation is " + locked.mode().toLowerCase(Locale.ROOT)
                    + ": only a live organisation sends reminders.");
        }
        if (!locked.action().kind.equals(ActionPayloads.REMINDER)) {
            throw new IllegalArgumentException("Only a reminder can be chased now.");
        }
        require(locked, OutboxStatus.PENDING, "Only a reminder waiting to be sent can be chased now");
        OutboxActionEntity row = locked.action();
        if (row.nextAttemptAt.isAfter(at)) {
            row.nextAttemptAt = at;
            row.updatedAt = at;
        }
        audited(locked, by, "chase-now", by + " asked to send this reminder now: it goes out at the dispatcher's next "
                + "round, within the send rules.");
        return JpaOutbox.toEntry(row, locked.invoice());
    }

    @Override
    @Transactional
    public Set<UUID> excluded(OrganisationId organisation) {
        List<UUID> ids = em.unwrap(Session.class).createNativeQuery("select w.action_id from withheld_action w "
                        + "join outbox_action o on o.id = w.action_id where o.organisation_id = :org and w.kind = 'EXCLUDED'",
                        UUID.class)
                .setParameter("org", organisation.value())
                .getResultList();
        return Set.copyOf(ids);
    }

    private record Locked(String mode, OutboxActionEntity action, InvoiceRef invoice) {
        OutboxEntry entry() {
            return JpaOutbox.toEntry(action, invoice);
        }
    }

    private Locked lock(OrganisationId organisation, UUID action) {
        OrganisationEntity org = em.find(OrganisationEntity.class, organisation.value(), LockModeType.PESSIMISTIC_WRITE);
        if (org == null) {
            throw new UnknownOrganisationException(organisation);
        }
        OutboxActionEntity row = em.find(OutboxActionEntity.class, action, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || !row.organisationId.equals(organisation.value())) {
            throw new IllegalArgumentException("This organisation has no such action in its queue.");
        }
        InvoiceEntity invoice = em.find(InvoiceEntity.class, row.invoiceId);
        return new Locked(org.mode, row, new InvoiceRef(organisation, invoice.providerInvoiceId));
    }

    private static void requirePreview(Locked locked, String verb) {
        if (!locked.mode().equals(OrganisationMode.PREVIEW.name())) {
            throw new IllegalStateException("Actions are " + verb + " only while the organisation is in preview; when it is "
                    + "live, stop an action instead.");
        }
    }

    private static void require(Locked locked, OutboxStatus status, String refusal) {
        String now = locked.action().status;
        if (!now.equals(status.name())) {
            throw new IllegalStateException(refusal + "; this one is " + describe(now) + ".");
        }
    }

    private static String describe(String status) {
        return switch (OutboxStatus.valueOf(status)) {
            case DONE -> "already carried out";
            case CLAIMED -> "being written to the ledger right now";
            case CANCELLED -> "cancelled";
            case NEEDS_HUMAN -> "waiting for a person (see Tasks)";
            case PENDING -> "waiting to be sent";
            case PREVIEWED -> "only previewed";
        };
    }

    private void audited(Locked locked, String by, String change, String message) {
        audit.append(AuditEvent.forInvoice(locked.invoice(), AuditKind.QUEUE_CHANGED,
                Optional.of(new ActionKey(locked.action().actionKey)),
                Optional.ofNullable(locked.action().policyVersion), Map.of("user", by, "change", change), message));
    }
}
