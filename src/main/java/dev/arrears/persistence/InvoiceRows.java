package dev.arrears.persistence;

import dev.arrears.application.InvoiceRef;
import dev.arrears.application.UnknownInvoiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/** Finds the invoice row behind an {@link InvoiceRef}; the row's uuid stays inside persistence. */
@ApplicationScoped
class InvoiceRows {

    private final EntityManager em;

    InvoiceRows(EntityManager em) {
        this.em = em;
    }

    Optional<InvoiceEntity> find(InvoiceRef ref) {
        return em.createQuery("from InvoiceEntity where organisationId = :org and providerInvoiceId = :pid", InvoiceEntity.class)
                .setParameter("org", ref.organisationId().value())
                .setParameter("pid", ref.providerInvoiceId())
                .getResultStream().findFirst();
    }

    InvoiceEntity require(InvoiceRef ref) {
        return find(ref).orElseThrow(() -> new UnknownInvoiceException(ref));
    }
}
