package dev.arrears.persistence;

import dev.arrears.application.InvoiceRef;
import dev.arrears.application.UnknownInvoiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;

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

    /** The row's id and customer, without loading the row (its raw payload is most of its size). */
    record Key(UUID id, String customerId) {
    }

    Key requireKey(InvoiceRef ref) {
        return em.createQuery("select i.id, i.customerId from InvoiceEntity i "
                        + "where i.organisationId = :org and i.providerInvoiceId = :pid", Object[].class)
                .setParameter("org", ref.organisationId().value())
                .setParameter("pid", ref.providerInvoiceId())
                .getResultStream().findFirst().map(r -> new Key((UUID) r[0], (String) r[1]))
                .orElseThrow(() -> new UnknownInvoiceException(ref));
    }
}
