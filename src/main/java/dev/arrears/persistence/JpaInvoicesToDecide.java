package dev.arrears.persistence;

import dev.arrears.application.InvoiceRef;
import dev.arrears.application.InvoicesToDecide;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.StoredDunningState;
import dev.arrears.domain.dunning.DunningState;
import dev.arrears.domain.dunning.DunningStatus;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/**
 * {@link InvoicesToDecide} in plain JDBC: one query for the invoices and their states, only the
 * columns the engine reads (not the raw ledger payload, which loading the entities read for every
 * open invoice on every cycle), and one statement to clear the reasons of a chunk. The reasons and
 * marks are set by the triggers of migration V100.
 */
@ApplicationScoped
public class JpaInvoicesToDecide implements InvoicesToDecide {

    private static final String SELECT = """
            select i.provider_invoice_id, i.number, i.customer_id, i.customer_name, i.currency, i.issue_date, i.due_date,
                   i.total::text, i.amount_due::text, i.status, i.payments::text, i.late_fee_invoice, i.decide_mark,
                   i.decide_reason, s.status, s.stage, s.stage_entered_on, s.due_date_at_stage, s.completed_stages,
                   s.skipped_stages, s.fees::text, s.next_review_on, s.notices, s.version, s.policy_version
            from invoice i left join dunning_state s on s.invoice_id = i.id
            where i.organisation_id = ? and i.quarantine_reason is null
              and (i.status = 'OPEN' or s.status in ('ACTIVE', 'FLAGGED'))""";

    private final EntityManager em;

    JpaInvoicesToDecide(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public List<ToDecide> all(OrganisationId organisation) {
        return read(organisation, SELECT + " order by i.provider_invoice_id", null);
    }

    @Override
    @Transactional
    public List<ToDecide> due(OrganisationId organisation, LocalDate today) {
        return read(organisation, SELECT + " and (i.status <> 'OPEN' or i.decide_reason is not null"
                + " or s.invoice_id is null or s.next_review_on <= ?)"
                + " order by i.provider_invoice_id", today);
    }

    @Override
    @Transactional
    public void decided(OrganisationId organisation, Collection<ToDecide> decided) {
        if (decided.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement("""
                    update invoice i set decide_reason = null
                    from unnest(cast(? as text[]), cast(? as bigint[])) as d(pid, mark)
                    where i.organisation_id = ? and i.provider_invoice_id = d.pid and i.decide_mark = d.mark
                      and i.decide_reason is not null""")) {
                s.setArray(1, connection.createArrayOf("text", decided.stream().map(d -> d.invoice().invoiceId()).toArray()));
                s.setArray(2, connection.createArrayOf("bigint", decided.stream().map(ToDecide::mark).toArray()));
                s.setObject(3, organisation.value());
                s.executeUpdate();
            }
        });
    }

    @Override
    @Transactional
    public Optional<FullDecide> lastFull(OrganisationId organisation) {
        List<?> rows = em.createNativeQuery("select full_decide_on, full_decide_basis from organisation where id = :id"
                        + " and full_decide_on is not null and full_decide_basis is not null")
                .setParameter("id", organisation.value()).getResultList();
        return rows.stream().findFirst().map(r -> (Object[]) r)
                .map(r -> new FullDecide(SqlRows.date(r, 0), SqlRows.text(r, 1)));
    }

    @Override
    @Transactional
    public void fullDecided(OrganisationId organisation, FullDecide full) {
        em.createNativeQuery("update organisation set full_decide_on = :on, full_decide_basis = :basis where id = :id")
                .setParameter("on", full.on()).setParameter("basis", full.basis()).setParameter("id", organisation.value())
                .executeUpdate();
    }

    private List<ToDecide> read(OrganisationId organisation, String sql, LocalDate today) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                s.setObject(1, organisation.value());
                if (today != null) {
                    s.setObject(2, today);
                }
                s.setFetchSize(1000);
                List<ToDecide> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(row(organisation, r));
                    }
                }
                return out;
            }
        });
    }

    private static ToDecide row(OrganisationId organisation, ResultSet r) throws SQLException {
        var currency = Money.currency(r.getString(5));
        String pid = r.getString(1);
        InvoiceSnapshot invoice = new InvoiceSnapshot(organisation.value().toString(), pid, r.getString(2), r.getString(3),
                r.getString(4), r.getObject(6, LocalDate.class), Optional.ofNullable(r.getObject(7, LocalDate.class)),
                Money.of(new java.math.BigDecimal(r.getString(8)), currency),
                Money.of(new java.math.BigDecimal(r.getString(9)), currency), InvoiceStatus.valueOf(r.getString(10)),
                PaymentsJson.read(r.getString(11)), r.getBoolean(12));
        Optional<StoredDunningState> state = Optional.empty();
        String status = r.getString(15);
        if (status != null) {
            DunningState dunning = new DunningState(DunningStatus.valueOf(status), Optional.ofNullable(r.getString(16)),
                    Optional.ofNullable(r.getObject(17, LocalDate.class)), Optional.ofNullable(r.getObject(18, LocalDate.class)),
                    texts(r, 19), texts(r, 20), FeesJson.read(r.getString(21)),
                    Optional.ofNullable(r.getObject(22, LocalDate.class)), texts(r, 23));
            state = Optional.of(new StoredDunningState(new InvoiceRef(organisation, pid), dunning, r.getLong(24), r.getString(25)));
        }
        return new ToDecide(invoice, state, r.getLong(13), Optional.ofNullable(r.getString(14)));
    }

    private static List<String> texts(ResultSet r, int column) throws SQLException {
        java.sql.Array array = r.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
