package dev.arrears.persistence;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.escalation.DocumentKind;
import dev.arrears.application.escalation.DocumentStore;
import dev.arrears.application.escalation.StoredDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** {@link DocumentStore} on {@code escalation_document}; the unique trigger key keeps one copy per trigger. */
@ApplicationScoped
public class JpaDocumentStore implements DocumentStore {

    private static final String COLUMNS = "id::text, organisation_id::text, customer_id, invoice_id, kind, stage, trigger_key,"
            + " to_char(created_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), text_rendering,"
            + " json_rendering::text, policy_version";

    private final EntityManager em;

    JpaDocumentStore(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public Set<String> triggerKeys(OrganisationId organisationId) {
        List<?> keys = em.createNativeQuery("select trigger_key from escalation_document where organisation_id = :org", String.class)
                .setParameter("org", organisationId.value())
                .getResultList();
        return keys.stream().map(String.class::cast).collect(Collectors.toSet());
    }

    @Override
    @Transactional
    public Set<String> storeAllIfAbsent(List<StoredDocument> documents) {
        return documents.stream().filter(this::storeIfAbsent).map(StoredDocument::triggerKey).collect(Collectors.toSet());
    }

    private boolean storeIfAbsent(StoredDocument d) {
        // A null bound to a cast has no type Hibernate can infer: the demand letter's statement simply says null.
        var query = em.createNativeQuery("insert into escalation_document (id, organisation_id, customer_id, invoice_id, kind, stage,"
                        + " trigger_key, created_at, text_rendering, json_rendering, policy_version) values (:id, :org, :customer,"
                        + " :invoice, :kind, :stage, :key, :at, :text, " + (d.json().isPresent() ? "cast(:json as jsonb)" : "null")
                        + ", :version) on conflict (trigger_key) do nothing");
        d.json().ifPresent(json -> query.setParameter("json", json));
        return query
                .setParameter("id", d.id()).setParameter("org", d.organisationId().value())
                .setParameter("customer", d.customerId()).setParameter("invoice", d.invoiceId())
                .setParameter("kind", d.kind().name()).setParameter("stage", d.stage()).setParameter("key", d.triggerKey())
                .setParameter("at", d.createdAt()).setParameter("text", d.text())
                .setParameter("version", d.policyVersion())
                .executeUpdate() == 1;
    }

    @Override
    @Transactional
    public List<StoredDocument> list(OrganisationId organisationId, Optional<String> customerId) {
        var query = em.createNativeQuery("select " + COLUMNS + " from escalation_document where organisation_id = :org"
                        + (customerId.isPresent() ? " and customer_id = :customer" : "") + " order by created_at desc, id")
                .setParameter("org", organisationId.value());
        customerId.ifPresent(customer -> query.setParameter("customer", customer));
        return SqlRows.rows(query).stream().map(JpaDocumentStore::document).toList();
    }

    @Override
    @Transactional
    public Optional<StoredDocument> find(UUID id) {
        return SqlRows.rows(em.createNativeQuery("select " + COLUMNS + " from escalation_document where id = :id")
                .setParameter("id", id)).stream().map(JpaDocumentStore::document).findFirst();
    }

    private static StoredDocument document(Object[] r) {
        return new StoredDocument(UUID.fromString(SqlRows.text(r, 0)), new OrganisationId(UUID.fromString(SqlRows.text(r, 1))),
                SqlRows.text(r, 2), SqlRows.text(r, 3), DocumentKind.valueOf(SqlRows.text(r, 4)), SqlRows.text(r, 5),
                SqlRows.text(r, 6), Instant.parse(SqlRows.text(r, 7)), SqlRows.text(r, 8), SqlRows.optionalText(r, 9),
                SqlRows.text(r, 10));
    }
}
