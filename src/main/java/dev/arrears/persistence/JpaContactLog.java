package dev.arrears.persistence;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.collections.ContactLog;
import dev.arrears.domain.contact.ContactChannel;
import dev.arrears.domain.contact.ContactOrigin;
import dev.arrears.domain.contact.ContactRecord;
import dev.arrears.domain.dunning.ActionKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link ContactLog} on {@code contact_record}. */
@ApplicationScoped
public class JpaContactLog implements ContactLog {

    private final EntityManager em;
    private final AuditTrail audit;
    private final Clock clock;

    JpaContactLog(EntityManager em, AuditTrail audit, Clock clock) {
        this.em = em;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ContactRecord record(OrganisationId org, ContactRecord contact, Optional<String> invoiceId, Optional<String> note,
                                String recordedBy) {
        em.createNativeQuery("insert into contact_record (id, organisation_id, customer_id, invoice_id, contacted_at, channel, origin,"
                        + " action_key, note, recorded_by, created_at) values (:id, :org, :customer, :invoice, :at, :channel, :origin,"
                        + " :key, :note, :by, :now)")
                .setParameter("id", UUID.randomUUID()).setParameter("org", org.value())
                .setParameter("customer", contact.customerId()).setParameter("invoice", invoiceId.orElse(null))
                .setParameter("at", contact.at()).setParameter("channel", contact.channel().name())
                .setParameter("origin", contact.origin().name())
                .setParameter("key", contact.actionKey().map(ActionKey::value).orElse(null))
                .setParameter("note", note.orElse(null)).setParameter("by", recordedBy).setParameter("now", clock.instant())
                .executeUpdate();
        audit.append(AuditEvent.forOrganisation(org, AuditKind.COLLECTIONS_FACT,
                Map.of("fact", "contact", "customerId", contact.customerId(), "channel", contact.channel().name()),
                "Contact with customer " + contact.customerId() + " by " + contact.channel().name().toLowerCase(java.util.Locale.ROOT)
                        + " at " + contact.at() + " (" + contact.origin().name().toLowerCase(java.util.Locale.ROOT) + ", recorded by "
                        + recordedBy + ")" + note.map(n -> ": " + n).orElse("") + "."));
        return contact;
    }

    @Override
    @Transactional
    public List<ContactRecord> forCustomer(OrganisationId org, String customerId) {
        return SqlRows.rows(em.createNativeQuery("select customer_id, to_char(contacted_at at time zone 'UTC',"
                        + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), channel, origin, action_key from contact_record"
                        + " where organisation_id = :org and customer_id = :customer order by contacted_at, id")
                .setParameter("org", org.value()).setParameter("customer", customerId)).stream()
                .map(r -> new ContactRecord(SqlRows.text(r, 0), Instant.parse(SqlRows.text(r, 1)),
                        ContactChannel.valueOf(SqlRows.text(r, 2)), ContactOrigin.valueOf(SqlRows.text(r, 3)),
                        SqlRows.optionalText(r, 4).map(ActionKey::new)))
                .toList();
    }
}
