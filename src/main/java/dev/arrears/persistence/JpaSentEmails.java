package dev.arrears.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.email.SentEmails;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link SentEmails} on {@code audit_event}: the events that settled an email reminder as sent or in
 * doubt carry the email's words ({@code detail.outcome}, {@code text}, {@code html}); the partial
 * index of V90 finds them per organisation, newest first.
 */
@ApplicationScoped
public class JpaSentEmails implements SentEmails {

    private final EntityManager em;

    JpaSentEmails(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public List<SentEmail> recent(OrganisationId organisation, Optional<String> invoiceId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        var query = em.createNativeQuery("select (extract(epoch from a.occurred_at) * 1000)::bigint, i.provider_invoice_id, "
                        + "a.customer_id, a.action_key, a.detail::text from audit_event a "
                        + "left join invoice i on i.id = a.invoice_id "
                        + "where a.organisation_id = :org and a.detail->>'channel' = 'email' "
                        // Written out, not bound: the planner proves the partial index of V90 from the literals.
                        + "and a.detail->>'outcome' in ('" + SENT + "', '" + IN_DOUBT + "') "
                        + (invoiceId.isPresent() ? "and i.provider_invoice_id = :invoice " : "")
                        + "order by a.occurred_at desc, a.id desc")
                .setParameter("org", organisation.value())
                .setMaxResults(limit);
        invoiceId.ifPresent(id -> query.setParameter("invoice", id));
        List<SentEmail> emails = SqlRows.rows(query).stream().map(JpaSentEmails::email).toList();
        if (invoiceId.isPresent()) {
            return emails;
        }
        // A statement settles several reminders, each with the email's words: it was one email.
        Set<String> seen = new HashSet<>();
        return emails.stream().filter(e -> e.messageId().isEmpty() || seen.add(e.messageId())).toList();
    }

    private static SentEmail email(Object[] row) {
        JsonNode d = JsonbCodec.read((String) row[4]);
        return new SentEmail(Instant.ofEpochMilli(((Number) row[0]).longValue()), d.path("outcome").asText(),
                (String) row[1], d.path("invoiceNumber").asText(""), (String) row[2], d.path("stage").asText(""),
                (String) row[3], d.path("messageId").asText(""), d.path("from").asText(""), texts(d.path("to")),
                texts(d.path("cc")), d.path("subject").asText(""), d.path("text").asText(""), d.path("html").asText(""),
                texts(d.path("attachments")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
