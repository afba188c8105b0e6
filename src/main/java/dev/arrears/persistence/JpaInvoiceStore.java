package dev.arrears.persistence;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.ConnectionStore;
import dev.arrears.application.IncomingInvoice;
import dev.arrears.application.SyncPage;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * {@link InvoiceStore} on {@code invoice}. A page is one short transaction: one upsert statement for
 * all its invoices ({@link InvoicePageRows}), keyed by (organisation, provider invoice id); the
 * provider's "updated at" keeps an older copy (from a sync overlap or a page fetched late) from
 * overwriting a newer one.
 */
@ApplicationScoped
public class JpaInvoiceStore implements InvoiceStore {

    /** numeric(19,4) holds 15 digits before the point. */
    private static final BigDecimal LIMIT = new BigDecimal("1e15");

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
    public PageStored store(SyncPage page) {
        Instant now = clock.instant();
        List<QuarantinedRecord> quarantine = new ArrayList<>(page.quarantined());
        // By provider id, the copy that wins: one statement cannot write a row twice, and one upsert
        // after the other would have kept the newest (the later of equals).
        Map<String, IncomingInvoice> fit = new LinkedHashMap<>();
        int superseded = 0;
        for (IncomingInvoice incoming : page.invoices()) {
            Optional<String> unfit = unfit(incoming.snapshot());
            if (unfit.isPresent()) {
                quarantine.add(new QuarantinedRecord(incoming.snapshot().invoiceId(), unfit.get(), incoming.rawPayload()));
                continue;
            }
            IncomingInvoice earlier = fit.get(incoming.snapshot().invoiceId());
            if (earlier != null) {
                superseded++;
                if (incoming.providerUpdatedAt().isBefore(earlier.providerUpdatedAt())) {
                    continue;
                }
            }
            fit.put(incoming.snapshot().invoiceId(), incoming);
        }
        List<IncomingInvoice> candidates = List.copyOf(fit.values());
        Set<String> written = em.unwrap(Session.class).doReturningWork(connection ->
                InvoicePageRows.upsert(connection, page.organisationId().value(), candidates, now));
        List<InvoiceRef> settled = new ArrayList<>();
        for (IncomingInvoice incoming : candidates) {
            InvoiceSnapshot snapshot = incoming.snapshot();
            if (written.contains(snapshot.invoiceId()) && snapshot.isSettled()) {
                InvoiceRef ref = InvoiceRef.of(snapshot);
                settled.add(ref);
                outbox.cancelPendingFor(ref, "the invoice is " + settledWord(snapshot) + " in the ledger");
            }
        }
        int older = superseded + candidates.size() - written.size();
        List<String> quarantinedIds = new ArrayList<>();
        for (QuarantinedRecord record : quarantine) {
            quarantine(page.organisationId(), record, now);
            quarantinedIds.add(record.providerInvoiceId());
        }
        page.advanceCursorTo().ifPresent(cursor -> connections.advanceCursor(page.organisationId(), cursor));
        return new PageStored(written.size(), older, quarantinedIds, settled);
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

    private void quarantine(OrganisationId organisationId, QuarantinedRecord record, Instant now) {
        em.unwrap(Session.class).createNativeMutationQuery(QUARANTINE)
                .setParameter("id", UUID.randomUUID())
                .setParameter("org", organisationId.value())
                .setParameter("pid", record.providerInvoiceId())
                .setParameter("raw", JsonbCodec.payload(record.rawPayload()))
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
