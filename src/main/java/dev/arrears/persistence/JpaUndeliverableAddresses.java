package dev.arrears.persistence;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.email.UndeliverableAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@link UndeliverableAddresses} on {@code undeliverable_address}. */
@ApplicationScoped
public class JpaUndeliverableAddresses implements UndeliverableAddresses {

    private static final int MAX_REASON = 2000;

    private final EntityManager em;

    JpaUndeliverableAddresses(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public void remember(OrganisationId organisation, String customerId, List<String> addresses, String reason, Instant at) {
        String why = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        for (String address : addresses) {
            em.createNativeQuery("insert into undeliverable_address (organisation_id, customer_id, address, reason, marked_at) "
                            + "values (:org, :customer, :address, :reason, :at) on conflict (organisation_id, customer_id, address) "
                            + "do update set reason = excluded.reason, marked_at = excluded.marked_at")
                    .setParameter("org", organisation.value()).setParameter("customer", customerId)
                    .setParameter("address", address.strip().toLowerCase(Locale.ROOT)).setParameter("reason", why)
                    .setParameter("at", at).executeUpdate();
        }
    }

    @Override
    @Transactional
    public Map<String, String> of(OrganisationId organisation, String customerId) {
        Map<String, String> out = new LinkedHashMap<>();
        SqlRows.rows(em.createNativeQuery("select address, reason from undeliverable_address "
                        + "where organisation_id = :org and customer_id = :customer order by address")
                .setParameter("org", organisation.value()).setParameter("customer", customerId))
                .forEach(r -> out.put((String) r[0], (String) r[1]));
        return out;
    }

    @Override
    @Transactional
    public void forget(OrganisationId organisation, String customerId) {
        em.createNativeQuery("delete from undeliverable_address where organisation_id = :org and customer_id = :customer")
                .setParameter("org", organisation.value()).setParameter("customer", customerId).executeUpdate();
    }
}
