package dev.arrears.persistence;

import dev.arrears.application.InvoiceNames;
import dev.arrears.application.OrganisationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/** {@link InvoiceNames} from the mirrored {@code invoice} rows: one query per answer, whatever its length. */
@ApplicationScoped
public class JpaInvoiceNames implements InvoiceNames {

    private final EntityManager em;

    JpaInvoiceNames(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public Map<String, Names> of(OrganisationId organisation, Collection<String> providerInvoiceIds) {
        Map<String, Names> names = new HashMap<>();
        if (providerInvoiceIds.isEmpty()) {
            return names;
        }
        List<Object[]> rows = em.unwrap(Session.class).createNativeQuery("""
                        select provider_invoice_id, coalesce(number, provider_invoice_id), coalesce(customer_id, ''),
                               coalesce(customer_name, '')
                        from invoice where organisation_id = :org and provider_invoice_id in (:ids)""", Object[].class)
                .setParameter("org", organisation.value())
                .setParameterList("ids", List.copyOf(providerInvoiceIds))
                .getResultList();
        for (Object[] r : rows) {
            names.put((String) r[0], new Names((String) r[1], (String) r[2], (String) r[3]));
        }
        return names;
    }

    @Override
    @Transactional
    public Optional<String> customerName(OrganisationId organisation, String customerId) {
        return em.unwrap(Session.class).createNativeQuery("""
                        select customer_name from invoice where organisation_id = :org and customer_id = :customer
                          and customer_name is not null order by updated_at desc limit 1""", String.class)
                .setParameter("org", organisation.value())
                .setParameter("customer", customerId)
                .getResultStream().findFirst();
    }
}
