package dev.arrears.persistence;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.console.ConsoleViews;
import dev.arrears.domain.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link ConsoleViews} in three queries for the overview (organisations, aged balances, actions ahead)
 * and one for an organisation's invoices. "Today" is worked out in SQL in each organisation's own
 * zone from the application's clock, never the database's.
 */
@ApplicationScoped
public class JpaConsoleViews implements ConsoleViews {

    private static final String TODAY = "(cast(:now as timestamptz) at time zone o.time_zone)::date";

    private static final String ORGANISATIONS = "select o.id::text, o.display_name, o.provider, o.mode, "
            + "(extract(epoch from o.last_cycle_at) * 1000)::bigint, o.last_cycle_outcome, o.last_cycle_error "
            + "from organisation o where (:all or o.id = any(cast(string_to_array(:ids, ',') as uuid[]))) order by o.display_name, o.id";

    private static final String BALANCES = "select o.id::text, i.currency, "
            + "coalesce(sum(i.amount_due) filter (where i.due_date is null or i.due_date >= " + TODAY + "), 0)::text, "
            + "coalesce(sum(i.amount_due) filter (where " + TODAY + " - i.due_date between 1 and 30), 0)::text, "
            + "coalesce(sum(i.amount_due) filter (where " + TODAY + " - i.due_date between 31 and 60), 0)::text, "
            + "coalesce(sum(i.amount_due) filter (where " + TODAY + " - i.due_date between 61 and 90), 0)::text, "
            + "coalesce(sum(i.amount_due) filter (where " + TODAY + " - i.due_date > 90), 0)::text "
            + "from invoice i join organisation o on o.id = i.organisation_id "
            + "where i.status = 'OPEN' and i.quarantine_reason is null and i.amount_due > 0 "
            + "and (:all or o.id = any(cast(string_to_array(:ids, ',') as uuid[]))) group by o.id, i.currency order by o.id, i.currency";

    private static final String AHEAD = "select a.organisation_id::text, count(*) from outbox_action a "
            + "where a.status in ('PENDING', 'PREVIEWED') and a.next_attempt_at < cast(:until as timestamptz) "
            + "and (:all or a.organisation_id = any(cast(string_to_array(:ids, ',') as uuid[]))) group by a.organisation_id";

    private static final String INVOICES = """
            select i.provider_invoice_id, coalesce(i.number, i.provider_invoice_id), coalesce(i.customer_id, ''),
                   coalesce(i.customer_name, ''), coalesce(i.currency, ''), coalesce(i.amount_due, 0)::text,
                   i.due_date, coalesce(i.status, 'QUARANTINED'), coalesce(d.status, 'NOT_STARTED'), d.stage,
                   (select h.reason from collections_hold h where h.organisation_id = o.id and h.released_on is null
                      and (h.resume_on is null or h.resume_on > %1$s)
                      and (h.scope = 'ORGANISATION' or (h.scope = 'CUSTOMER' and h.customer_id = i.customer_id)
                           or (h.scope = 'INVOICE' and h.invoice_id = i.provider_invoice_id))
                    order by h.set_at limit 1),
                   (select max(p.pay_by) from collections_promise p where p.organisation_id = o.id
                      and p.invoice_id = i.provider_invoice_id and p.withdrawn_on is null and p.outcome is null
                      and p.pay_by >= %1$s)
            from invoice i join organisation o on o.id = i.organisation_id
            left join dunning_state d on d.invoice_id = i.id
            where o.id = :org and %2$s
            order by i.due_date nulls last, i.provider_invoice_id
            """;

    private static final String WAITING = "select a.id::text, o.id::text, o.display_name, i.provider_invoice_id, "
            + "coalesce(i.number, i.provider_invoice_id), a.kind, coalesce(a.status_reason, ''), a.in_doubt::text, u.username "
            + "from outbox_action a join organisation o on o.id = a.organisation_id join invoice i on i.id = a.invoice_id "
            + "left join console_task_assignment t on t.action_id = a.id left join console_user u on u.id = t.user_id "
            + "where a.status = 'NEEDS_HUMAN' and (:all or o.id = any(cast(string_to_array(:ids, ',') as uuid[]))) "
            + "order by a.updated_at, a.id";

    private final EntityManager em;

    JpaConsoleViews(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public List<OrganisationSummary> summaries(Optional<Collection<OrganisationId>> only, Instant now) {
        boolean all = only.isEmpty();
        String ids = ids(only);
        Map<String, List<AgedBalance>> balances = new HashMap<>();
        for (Object[] r : SqlRows.rows(em.createNativeQuery(BALANCES).setParameter("now", now).setParameter("all", all)
                .setParameter("ids", ids))) {
            String currency = ((String) r[1]).trim();
            balances.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(new AgedBalance(currency,
                    amount(r[2], currency), amount(r[3], currency), amount(r[4], currency), amount(r[5], currency),
                    amount(r[6], currency)));
        }
        Map<String, Long> ahead = new HashMap<>();
        for (Object[] r : SqlRows.rows(em.createNativeQuery(AHEAD).setParameter("until", now.plus(java.time.Duration.ofDays(7)))
                .setParameter("all", all).setParameter("ids", ids))) {
            ahead.put((String) r[0], ((Number) r[1]).longValue());
        }
        return SqlRows.rows(em.createNativeQuery(ORGANISATIONS).setParameter("all", all).setParameter("ids", ids)).stream()
                .map(r -> new OrganisationSummary(new OrganisationId(UUID.fromString((String) r[0])), (String) r[1],
                        (String) r[2], (String) r[3], Optional.ofNullable((Number) r[4]).map(n -> Instant.ofEpochMilli(n.longValue())),
                        Optional.ofNullable((String) r[5]), Optional.ofNullable((String) r[6]),
                        balances.getOrDefault((String) r[0], List.of()), ahead.getOrDefault((String) r[0], 0L)))
                .toList();
    }

    @Override
    @Transactional
    public List<WaitingAction> waiting(Optional<Collection<OrganisationId>> only) {
        return SqlRows.rows(em.createNativeQuery(WAITING).setParameter("all", only.isEmpty()).setParameter("ids", ids(only)))
                .stream().map(r -> new WaitingAction(UUID.fromString((String) r[0]), OrganisationId.parse((String) r[1]),
                        (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6],
                        Boolean.parseBoolean((String) r[7]), Optional.ofNullable((String) r[8])))
                .toList();
    }

    @Override
    @Transactional
    public void assignTask(UUID actionId, UUID userId, String assignedBy, Instant at) {
        em.createNativeQuery("insert into console_task_assignment (action_id, user_id, assigned_by, assigned_at) "
                        + "values (:a, :u, :by, :at) on conflict (action_id) do update set user_id = excluded.user_id, "
                        + "assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at")
                .setParameter("a", actionId).setParameter("u", userId).setParameter("by", assignedBy).setParameter("at", at)
                .executeUpdate();
    }

    private static String ids(Optional<Collection<OrganisationId>> only) {
        return only.map(c -> String.join(",", c.stream().map(OrganisationId::toString).toList())).orElse("");
    }

    @Override
    @Transactional
    public List<InvoiceLine> invoices(OrganisationId organisation, Instant now) {
        String open = "((i.status = 'OPEN' and i.quarantine_reason is null) or d.status in ('ACTIVE', 'FLAGGED'))";
        return lines(String.format(INVOICES, TODAY, open), organisation, now, Optional.empty());
    }

    @Override
    @Transactional
    public Optional<InvoiceLine> invoice(OrganisationId organisation, String providerInvoiceId, Instant now) {
        return lines(String.format(INVOICES, TODAY, "i.provider_invoice_id = :key"), organisation, now,
                Optional.of(providerInvoiceId)).stream().findFirst();
    }

    @Override
    @Transactional
    public List<InvoiceLine> customerInvoices(OrganisationId organisation, String customerId, Instant now) {
        return lines(String.format(INVOICES, TODAY, "i.customer_id = :key"), organisation, now, Optional.of(customerId));
    }

    /** Stored with four decimals; shown with the currency's own minor units (JPY none, GBP two, BHD three). */
    private static BigDecimal amount(Object text, String currency) {
        return currency.isEmpty() ? new BigDecimal((String) text) : Money.of((String) text, currency).amount();
    }

    /** @param key the value of {@code :key} in the query's condition (an invoice's or a customer's id), if it has one */
    private List<InvoiceLine> lines(String sql, OrganisationId organisation, Instant now, Optional<String> key) {
        var query = em.createNativeQuery(sql).setParameter("org", organisation.value()).setParameter("now", now);
        key.ifPresent(id -> query.setParameter("key", id));
        return SqlRows.rows(query).stream().map(r -> new InvoiceLine((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                ((String) r[4]).trim(), amount(r[5], ((String) r[4]).trim()), SqlRows.optionalDate(r, 6), (String) r[7], (String) r[8],
                SqlRows.optionalText(r, 9), SqlRows.optionalText(r, 10), SqlRows.optionalDate(r, 11))).toList();
    }
}
