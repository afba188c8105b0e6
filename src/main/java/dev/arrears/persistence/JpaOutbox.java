package dev.arrears.persistence;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.DeliveryMode;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.Outbox;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.RecordedActions;
import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.PlannedAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * {@link Outbox} on {@code outbox_action}. Inserts rely on the unique action key
 * ({@code ON CONFLICT (action_key) DO UPDATE ... WHERE status = 'CANCELLED'}), not on a read first:
 * two writers racing on the same key still end up with one row, and the loser learns it added
 * nothing (no row comes back). The one row the conflict does change is a CANCELLED one: it is planned
 * again in place (see {@link Outbox#record}), keeping its id and its doubt, because its key is taken
 * and a new row could not be inserted; a row in any other status is left exactly as it is.
 */
@ApplicationScoped
public class JpaOutbox implements Outbox {

    /**
     * A key already in the outbox adds nothing, unless its row was cancelled: then it is planned again
     * in place. An action a person stopped ({@code withheld_action}) stays cancelled: that was the point.
     */
    static final String PLAN_AGAIN_IF_CANCELLED = """
            on conflict (action_key) do update
                set status = excluded.status, status_reason = null, payload = excluded.payload,
                    policy_version = excluded.policy_version, next_attempt_at = excluded.next_attempt_at,
                    claimed_by = null, claim_expires_at = null, updated_at = excluded.updated_at
                where outbox_action.status = 'CANCELLED'
                  and not exists (select 1 from withheld_action w where w.action_id = outbox_action.id)""";

    private static final String INSERT = """
            insert into outbox_action (id, action_key, organisation_id, invoice_id, kind, stage, payload, policy_version,
                                       status, attempts, next_attempt_at, created_at, updated_at)
            values (:id, :key, :org, :invoice, :kind, :stage, cast(:payload as jsonb), :policyVersion,
                    :status, 0, :now, :now, :now)
            """ + PLAN_AGAIN_IF_CANCELLED + """

            returning action_key""";

    /**
     * Spares what settles a full payment and the thank-you note ({@link ActionKey#followsFullPayment}): the payment is
     * why they exist. The dispatcher still re-reads the invoice before either goes.
     */
    private static final String CANCEL = """
            update outbox_action set status = 'CANCELLED', status_reason = :reason, updated_at = :now
            where invoice_id = :invoice and status = 'PENDING' and action_key not like :fullPayment
              and action_key not like :thankYou
            returning action_key""";

    private final EntityManager em;
    private final InvoiceRows invoices;
    private final AuditTrail audit;
    private final Clock clock;

    JpaOutbox(EntityManager em, InvoiceRows invoices, AuditTrail audit, Clock clock) {
        this.em = em;
        this.invoices = invoices;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public RecordedActions record(InvoiceRef invoice, List<PlannedAction> actions, DeliveryMode delivery, String policyVersion) {
        InvoiceEntity row = invoices.require(invoice);
        Instant now = clock.instant();
        List<ActionKey> added = new ArrayList<>();
        List<ActionKey> present = new ArrayList<>();
        for (PlannedAction action : actions) {
            List<String> inserted = em.unwrap(Session.class).createNativeQuery(INSERT, String.class)
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("key", action.key().value())
                    .setParameter("org", row.organisationId)
                    .setParameter("invoice", row.id)
                    .setParameter("kind", ActionPayloads.kind(action))
                    .setParameter("stage", action.stage())
                    .setParameter("payload", ActionPayloads.write(action))
                    .setParameter("policyVersion", policyVersion, String.class)
                    .setParameter("status", delivery.initialStatus().name())
                    .setParameter("now", now)
                    .getResultList();
            (inserted.isEmpty() ? present : added).add(action.key());
        }
        return new RecordedActions(added, present);
    }

    @Override
    @Transactional
    public List<ActionKey> cancelPendingFor(InvoiceRef invoice, String reason) {
        Optional<InvoiceEntity> row = invoices.find(invoice);
        if (row.isEmpty()) {
            return List.of();
        }
        List<ActionKey> cancelled = em.unwrap(Session.class).createNativeQuery(CANCEL, String.class)
                .setParameter("reason", reason)
                .setParameter("now", clock.instant())
                .setParameter("invoice", row.get().id)
                .setParameter("fullPayment", "%:" + ActionKey.FULL_PAYMENT)
                .setParameter("thankYou", "%:" + ActionKey.THANK_YOU)
                .getResultStream().map(ActionKey::new).toList();
        for (ActionKey key : cancelled) {
            audit.append(AuditEvent.forInvoice(invoice, AuditKind.ACTION_CANCELLED, Optional.of(key), Optional.empty(),
                    Map.of("reason", reason), "Pending action " + key + " cancelled: " + reason));
        }
        return cancelled;
    }

    @Override
    @Transactional
    public Optional<OutboxEntry> closeNeedsHuman(OrganisationId organisationId, UUID actionId, String outcome) {
        Optional<OutboxEntry> waiting = list(organisationId, OutboxStatus.NEEDS_HUMAN).stream()
                .filter(e -> e.id().equals(actionId)).findFirst();
        waiting.ifPresent(entry -> {
            int closed = em.createNativeQuery("update outbox_action set status = 'DONE', status_reason = :outcome, "
                            + "updated_at = :now where id = :id and status = 'NEEDS_HUMAN'")
                    .setParameter("outcome", outcome).setParameter("now", clock.instant()).setParameter("id", actionId)
                    .executeUpdate();
            if (closed == 1) {
                audit.append(AuditEvent.forInvoice(entry.invoice(), AuditKind.ACTION_DONE, Optional.of(entry.action().key()),
                        entry.policyVersion(), Map.of("closedBy", "person", "outcome", outcome),
                        "Waiting action " + entry.action().key() + " closed by a person: " + outcome));
            }
        });
        return waiting;
    }

    @Override
    @Transactional
    public List<OutboxEntry> list(OrganisationId organisationId, OutboxStatus status) {
        return em.createQuery("select o, i.providerInvoiceId from OutboxActionEntity o join InvoiceEntity i on i.id = o.invoiceId "
                        + "where o.organisationId = :org and o.status = :status order by o.createdAt, o.actionKey", Object[].class)
                .setParameter("org", organisationId.value())
                .setParameter("status", status.name())
                .getResultStream()
                .map(r -> toEntry((OutboxActionEntity) r[0], new InvoiceRef(organisationId, (String) r[1])))
                .toList();
    }

    @Override
    @Transactional
    public List<OutboxEntry> lateFees(OrganisationId organisationId, Set<OutboxStatus> statuses) {
        return em.createQuery("select o, i.providerInvoiceId from OutboxActionEntity o join InvoiceEntity i on i.id = o.invoiceId "
                        + "where o.organisationId = :org and o.kind = :kind "
                        + "and o.status in :statuses order by o.createdAt, o.actionKey", Object[].class)
                .setParameter("org", organisationId.value())
                .setParameter("kind", ActionPayloads.LATE_FEE)
                .setParameter("statuses", statuses.stream().map(OutboxStatus::name).toList())
                .getResultStream()
                .map(r -> toEntry((OutboxActionEntity) r[0], new InvoiceRef(organisationId, (String) r[1])))
                .toList();
    }

    static OutboxEntry toEntry(OutboxActionEntity row, InvoiceRef invoice) {
        return new OutboxEntry(row.id, invoice, ActionPayloads.read(row.payload), Optional.ofNullable(row.policyVersion),
                OutboxStatus.valueOf(row.status), Optional.ofNullable(row.statusReason), row.attempts, row.nextAttemptAt,
                Optional.ofNullable(row.claimedBy), Optional.ofNullable(row.claimExpiresAt),
                Optional.ofNullable(row.lastError), row.inDoubt, Optional.ofNullable(row.ledgerReference), row.createdAt,
                row.updatedAt);
    }
}
