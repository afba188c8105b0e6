package dev.arrears.persistence;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditRecord;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.OrganisationId;
import dev.arrears.domain.dunning.ActionKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** {@link AuditTrail} on {@code audit_event}. Only ever inserts: the table refuses anything else. */
@ApplicationScoped
public class JpaAuditTrail implements AuditTrail {

    private static final String SELECT = "select a, i.providerInvoiceId from AuditEventEntity a "
            + "left join InvoiceEntity i on i.id = a.invoiceId ";

    private final EntityManager em;
    private final InvoiceRows invoices;
    private final Clock clock;

    JpaAuditTrail(EntityManager em, InvoiceRows invoices, Clock clock) {
        this.em = em;
        this.invoices = invoices;
        this.clock = clock;
    }

    @Override
    @Transactional
    public AuditRecord append(AuditEvent event) {
        AuditEventEntity row = new AuditEventEntity();
        row.occurredAt = clock.instant();
        row.organisationId = event.organisationId().value();
        row.customerId = event.customerId().orElse(null);
        event.providerInvoiceId().ifPresent(pid -> {
            InvoiceRows.Key invoice = invoices.requireKey(new InvoiceRef(event.organisationId(), pid));
            row.invoiceId = invoice.id();
            if (row.customerId == null) {
                row.customerId = invoice.customerId(); // so the customer's history finds invoice events
            }
        });
        row.kind = event.kind().name();
        row.actionKey = event.actionKey().map(ActionKey::value).orElse(null);
        row.policyVersion = event.policyVersion().orElse(null);
        row.detail = JsonbCodec.write(event.detail());
        row.message = event.message();
        em.persist(row);
        em.flush(); // the identity id is the event's place in the trail
        return toRecord(row, event.providerInvoiceId().orElse(null));
    }

    @Override
    @Transactional
    public void appendAll(List<AuditEvent> events) {
        events.forEach(this::append);
    }

    @Override
    @Transactional
    public List<AuditRecord> byInvoice(InvoiceRef invoice, int limit) {
        Optional<InvoiceEntity> row = invoices.find(invoice);
        if (row.isEmpty()) {
            return List.of();
        }
        // A row holds one event or more (FoldedAudit): `limit` rows hold at least `limit` events.
        return FoldedAudit.unfoldAll(query(SELECT + "where a.invoiceId = :invoice order by a.occurredAt desc, a.id desc", limit)
                .setParameter("invoice", row.get().id)
                .getResultStream().map(JpaAuditTrail::toRecord).toList(), limit);
    }

    @Override
    @Transactional
    public List<AuditRecord> byCustomer(OrganisationId organisationId, String customerId, int limit) {
        return FoldedAudit.unfoldAll(query(SELECT + "where a.organisationId = :org and a.customerId = :customer "
                + "order by a.occurredAt desc, a.id desc", limit)
                .setParameter("org", organisationId.value())
                .setParameter("customer", customerId)
                .getResultStream().map(JpaAuditTrail::toRecord).toList(), limit);
    }

    private jakarta.persistence.TypedQuery<Object[]> query(String jpql, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return em.createQuery(jpql, Object[].class).setMaxResults(limit);
    }

    private static AuditRecord toRecord(Object[] row) {
        return toRecord((AuditEventEntity) row[0], (String) row[1]);
    }

    private static AuditRecord toRecord(AuditEventEntity row, String providerInvoiceId) {
        AuditEvent event = new AuditEvent(new OrganisationId(row.organisationId), Optional.ofNullable(providerInvoiceId),
                Optional.ofNullable(row.customerId), AuditKind.valueOf(row.kind),
                Optional.ofNullable(row.actionKey).map(ActionKey::new), Optional.ofNullable(row.policyVersion),
                JsonbCodec.readMap(row.detail), row.message);
        return new AuditRecord(row.id, row.occurredAt, event);
    }

}
