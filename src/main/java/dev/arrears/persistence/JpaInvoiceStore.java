package dev.arrears.persistence;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.ConnectionStore;
import dev.arrears.application.IncomingInvoice;
import dev.arrears.application.InvoicePage;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.Outbox;
import dev.arrears.application.PageStored;
import dev.arrears.application.QuarantinedInvoice;
import dev.arrears.application.QuarantinedRecord;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.invoice.PaymentApplied;
import dev.arrears.domain.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * {@link InvoiceStore} on {@code invoice}. A page is one short transaction of upserts keyed by
 * (organisation, provider invoice id); the provider's "updated at" keeps an older copy (from a sync
 * overlap or a page fetched late) from overwriting a newer one.
 */
@ApplicationScoped
public class JpaInvoiceStore implements InvoiceStore {

    /** numeric(19,4) holds 15 digits before the point. */
    private static final BigDecimal LIMIT = new BigDecimal("1e15");

    private static final String UPSERT = """
            insert into invoice (id, organisation_id, provider_invoice_id, number, customer_id, customer_name, currency,
                                 issue_date, due_date, total, amount_due, status, provider_updated_at, late_fee_invoice,
                                 raw_payload, payments, quarantine_reason, created_at, updated_at)
            values (:id, :org, :pid, :number, :customerId, :customerName, :currency,
                    :issueDate, :dueDate, :total, :amountDue, :status, :providerUpdatedAt, :lateFee,
                    cast(:raw as jsonb), cast(:payments as jsonb), null, :now, :now)
            on conflict (organisation_id, provider_invoice_id) do update set
                number = excluded.number, customer_id = excluded.customer_id, customer_name = excluded.customer_name,
                currency = excluded.currency, issue_date = excluded.issue_date, due_date = excluded.due_date,
                total = excluded.total, amount_due = excluded.amount_due, status = excluded.status,
                provider_updated_at = excluded.provider_updated_at, late_fee_invoice = excluded.late_fee_invoice,
                raw_payload = excluded.raw_payload, payments = excluded.payments, quarantine_reason = null,
                updated_at = excluded.updated_at
            where invoice.provider_updated_at is null or invoice.provider_updated_at <= excluded.provider_updated_at
            returning id""";

    // A quarantined record keeps the last good values of a known invoice (they stay unused while it
    // is quarantined) and replaces only the payload and the reason.
    private static final String QUARANTINE = """
            insert into invoice (id, organisation_id, provider_invoice_id, raw_payload, quarantine_reason, created_at, updated_at)
            values (:id, :org, :pid, cast(:raw as jsonb), :reason, :now, :now)
            on conflict (organisation_id, provider_invoice_id) do update set
                raw_payload = excluded.raw_payload, quarantine_reason = excluded.quarantine_reason,
                updated_at = excluded.updated_at""";

    private final EntityManager em;
    private final InvoiceRows invoices;
    private final Outbox outbox;
    private final ConnectionStore connections;
    private final AuditTrail audit;
    private final Clock clock;

    JpaInvoiceStore(EntityManager em, InvoiceRows invoices, Outbox outbox, ConnectionStore connections, AuditTrail audit,
                    Clock clock) {
        this.em = em;
        this.invoices = invoices;
        this.outbox = outbox;
        this.connections = connections;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public PageStored store(InvoicePage page) {
        Instant now = clock.instant();
        int written = 0;
        int older = 0;
        List<QuarantinedRecord> quarantine = new ArrayList<>(page.quarantined());
        List<InvoiceRef> settled = new ArrayList<>();
        for (IncomingInvoice incoming : page.invoices()) {
            Optional<String> unfit = unfit(incoming.snapshot());
            if (unfit.isPresent()) {
                quarantine.add(new QuarantinedRecord(incoming.snapshot().invoiceId(), unfit.get(), incoming.rawPayload()));
                continue;
            }
            if (!upsert(incoming, now)) {
                older++;
                continue;
            }
            written++;
            InvoiceSnapshot snapshot = incoming.snapshot();
            if (snapshot.isSettled()) {
                InvoiceRef ref = InvoiceRef.of(snapshot);
                settled.add(ref);
                outbox.cancelPendingFor(ref, "the invoice is " + settledWord(snapshot) + " in the ledger");
            }
        }
        List<String> quarantinedIds = new ArrayList<>();
        for (QuarantinedRecord record : quarantine) {
            quarantine(page.organisationId(), record, now);
            quarantinedIds.add(record.providerInvoiceId());
        }
        page.advanceCursorTo().ifPresent(cursor -> connections.advanceCursor(page.organisationId(), cursor));
        return new PageStored(written, older, quarantinedIds, settled);
    }

    @Override
    @Transactional
    public List<InvoiceSnapshot> loadOpen(OrganisationId organisationId) {
        return em.createQuery("from InvoiceEntity where organisationId = :org and status = 'OPEN' "
                        + "and quarantineReason is null order by providerInvoiceId", InvoiceEntity.class)
                .setParameter("org", organisationId.value())
                .getResultStream().map(JpaInvoiceStore::toSnapshot).toList();
    }

    @Override
    @Transactional
    public Optional<InvoiceSnapshot> load(InvoiceRef invoice) {
        return invoices.find(invoice).filter(row -> row.quarantineReason == null).map(JpaInvoiceStore::toSnapshot);
    }

    @Override
    @Transactional
    public List<QuarantinedInvoice> quarantined(OrganisationId organisationId) {
        return em.createQuery("from InvoiceEntity where organisationId = :org and quarantineReason is not null "
                        + "order by providerInvoiceId", InvoiceEntity.class)
                .setParameter("org", organisationId.value())
                .getResultStream()
                .map(row -> new QuarantinedInvoice(new InvoiceRef(organisationId, row.providerInvoiceId),
                        row.quarantineReason, row.rawPayload, row.updatedAt))
                .toList();
    }

    /** @return false when the stored copy is newer and was kept */
    private boolean upsert(IncomingInvoice incoming, Instant now) {
        InvoiceSnapshot s = incoming.snapshot();
        List<?> written = em.unwrap(Session.class).createNativeQuery(UPSERT, UUID.class)
                .setParameter("id", UUID.randomUUID())
                .setParameter("org", UUID.fromString(s.organisationId()))
                .setParameter("pid", s.invoiceId())
                .setParameter("number", s.number(), String.class)
                .setParameter("customerId", s.customerId())
                .setParameter("customerName", s.customerName(), String.class)
                .setParameter("currency", s.currency().getCurrencyCode())
                .setParameter("issueDate", s.issueDate(), LocalDate.class)
                .setParameter("dueDate", s.dueDate().orElse(null), LocalDate.class)
                .setParameter("total", s.total().amount())
                .setParameter("amountDue", s.amountDue().amount())
                .setParameter("status", s.status().name())
                .setParameter("providerUpdatedAt", incoming.providerUpdatedAt())
                .setParameter("lateFee", s.lateFeeInvoice())
                .setParameter("raw", Json.payload(incoming.rawPayload()))
                .setParameter("payments", PaymentsJson.write(s.payments()))
                .setParameter("now", now)
                .getResultList();
        return !written.isEmpty();
    }

    private void quarantine(OrganisationId organisationId, QuarantinedRecord record, Instant now) {
        em.unwrap(Session.class).createNativeMutationQuery(QUARANTINE)
                .setParameter("id", UUID.randomUUID())
                .setParameter("org", organisationId.value())
                .setParameter("pid", record.providerInvoiceId())
                .setParameter("raw", Json.payload(record.rawPayload()))
                .setParameter("reason", record.reason())
                .setParameter("now", now)
                .executeUpdate();
        audit.append(AuditEvent.forInvoice(new InvoiceRef(organisationId, record.providerInvoiceId()),
                AuditKind.INVOICE_QUARANTINED, Optional.empty(), Optional.empty(), Map.of("reason", record.reason()),
                "Invoice record set aside, not used until a readable copy arrives: " + record.reason()));
    }

    /** Why a valid snapshot still cannot be stored as is; such a record is quarantined, not the page failed. */
    private static Optional<String> unfit(InvoiceSnapshot s) {
        List<Money> amounts = new ArrayList<>(List.of(s.total(), s.amountDue()));
        s.payments().stream().map(PaymentApplied::amount).forEach(amounts::add);
        for (Money amount : amounts) {
            if (amount.amount().abs().compareTo(LIMIT) >= 0) {
                return Optional.of("amount " + amount + " is beyond what Arrears stores (less than 10^15)");
            }
        }
        if (s.customerId().isBlank()) {
            return Optional.of("the invoice has no customer id");
        }
        return Optional.empty();
    }

    private static String settledWord(InvoiceSnapshot s) {
        return s.status() == InvoiceStatus.OPEN || s.status() == InvoiceStatus.DRAFT
                ? "fully paid (nothing due)" : s.status().name().toLowerCase(java.util.Locale.ROOT);
    }

    static InvoiceSnapshot toSnapshot(InvoiceEntity row) {
        var currency = Money.currency(row.currency);
        return new InvoiceSnapshot(row.organisationId.toString(), row.providerInvoiceId, row.number, row.customerId,
                row.customerName, row.issueDate, Optional.ofNullable(row.dueDate), Money.of(row.total, currency),
                Money.of(row.amountDue, currency), InvoiceStatus.valueOf(row.status), PaymentsJson.read(row.payments),
                row.lateFeeInvoice);
    }
}
