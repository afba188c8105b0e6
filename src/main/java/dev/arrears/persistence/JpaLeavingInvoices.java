package dev.arrears.persistence;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.cycle.LeavingInvoices;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** {@link LeavingInvoices}: settled in the mirror, still ACTIVE or FLAGGED in {@code dunning_state}. */
@ApplicationScoped
public class JpaLeavingInvoices implements LeavingInvoices {

    private final EntityManager em;

    JpaLeavingInvoices(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public List<InvoiceSnapshot> settledStillInDunning(OrganisationId organisation) {
        return em.createQuery("select i from InvoiceEntity i, DunningStateEntity s where s.invoiceId = i.id "
                        + "and i.organisationId = :org and i.quarantineReason is null and s.status in ('ACTIVE', 'FLAGGED') "
                        + "and (i.status <> 'OPEN' or i.amountDue <= 0) order by i.providerInvoiceId", InvoiceEntity.class)
                .setParameter("org", organisation.value())
                .getResultStream().map(JpaInvoiceStore::toSnapshot).toList();
    }
}
