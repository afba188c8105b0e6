package dev.arrears.persistence;

import dev.arrears.application.InvoiceRef;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.StageReminders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** {@link StageReminders} on {@code outbox_action}: the rows of kind {@code SEND_REMINDER} with the stage's name. */
@ApplicationScoped
public class JpaStageReminders implements StageReminders {

    private final EntityManager em;

    JpaStageReminders(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public List<OutboxEntry> of(InvoiceRef invoice, String stage) {
        return em.createQuery("select o from OutboxActionEntity o join InvoiceEntity i on i.id = o.invoiceId "
                        + "where i.organisationId = :org and i.providerInvoiceId = :invoice and o.kind = :kind and o.stage = :stage "
                        + "order by o.createdAt, o.actionKey", OutboxActionEntity.class)
                .setParameter("org", invoice.organisationId().value())
                .setParameter("invoice", invoice.providerInvoiceId())
                .setParameter("kind", ActionPayloads.REMINDER)
                .setParameter("stage", stage)
                .getResultStream()
                .map(row -> JpaOutbox.toEntry(row, invoice))
                .toList();
    }
}
