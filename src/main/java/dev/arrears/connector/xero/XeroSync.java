package dev.arrears.connector.xero;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.application.ConnectionStore;
import dev.arrears.application.IncomingInvoice;
import dev.arrears.application.SyncPage;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.LedgerConnection;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.PageStored;
import dev.arrears.application.QuarantinedRecord;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.application.ledger.SyncReport;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.PaymentApplied;
import dev.arrears.domain.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Mirrors an organisation's sales invoices.
 *
 * <ul>
 *   <li>Full scan (first load, then every {@code full-rescan-every}): every AUTHORISED sales invoice,
 *       largest pages, {@code summaryOnly}. Invoices with money applied are read in full (by IDs, 50
 *       at a time) unless the stored copy already has their payment history. Invoices stored as open
 *       that the scan no longer shows are read by id: they were paid, voided or deleted behind an
 *       incremental read's back.</li>
 *   <li>Incremental: every sales invoice changed since the high-water mark less an overlap
 *       ({@code If-Modified-Since}), full records, so payments (and deleted payments) show. Each page
 *       is stored with its cursor in one transaction.</li>
 * </ul>
 * Pages are fetched outside any transaction. The first failure stops the sync; what was stored stays.
 */
@ApplicationScoped
class XeroSync {

    private static final int IDS_PER_REQUEST = 50;

    private final XeroClient api;
    private final InvoiceStore invoices;
    private final ConnectionStore connections;
    private final XeroConfig config;
    private final Clock clock;

    XeroSync(XeroClient api, InvoiceStore invoices, ConnectionStore connections, XeroConfig config, Clock clock) {
        this.api = api;
        this.invoices = invoices;
        this.connections = connections;
        this.config = config;
        this.clock = clock;
    }

    SyncReport sync(OrganisationId organisation) {
        Optional<LedgerConnection> connection = connections.find(organisation);
        if (connection.isEmpty()) {
            return new SyncReport(0, 0, 0, false,
                    Optional.of(new LedgerFailure.NeedsReconnect("the organisation has no Xero connection")));
        }
        XeroCursor cursor = XeroCursor.of(connection.get().cursor());
        Instant started = clock.instant();
        boolean full = cursor.lastFullScan().map(at -> !started.isBefore(at.plus(config.sync().fullRescanEvery())))
                .orElse(true);
        Run run = new Run(organisation, new CallCount());
        Optional<LedgerFailure> failure = full ? fullScan(run, cursor, started) : incremental(run, cursor);
        return new SyncReport(run.calls.value(), run.stored, run.quarantined, full, failure);
    }

    /** Progress of one sync. */
    private static final class Run {
        final OrganisationId organisation;
        final CallCount calls;
        int stored;
        int quarantined;

        Run(OrganisationId organisation, CallCount calls) {
            this.organisation = organisation;
            this.calls = calls;
        }
    }

    private Optional<LedgerFailure> fullScan(Run run, XeroCursor cursor, Instant started) {
        Set<String> seen = new HashSet<>();
        Map<String, InvoiceSnapshot> storedOpen = new LinkedHashMap<>();
        invoices.loadOpen(run.organisation).forEach(s -> storedOpen.put(s.invoiceId(), s));
        int pageSize = config.sync().pageSize();
        for (int page = 1; ; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("where", "Type==\"ACCREC\"");
            query.put("Statuses", "AUTHORISED");
            query.put("page", Integer.toString(page));
            query.put("pageSize", Integer.toString(pageSize));
            query.put("summaryOnly", "true");
            XeroClient.Result result = api.call(run.organisation, XeroClient.Call.get("/Invoices", query), run.calls);
            Optional<JsonNode> body = body(result);
            if (body.isEmpty()) {
                return Optional.of(failure(result));
            }
            Mapped mapped = map(run.organisation, body.get().path("Invoices"));
            Optional<LedgerFailure> detailFailure = withPaymentHistory(run, mapped, storedOpen);
            if (detailFailure.isPresent()) {
                return detailFailure;
            }
            store(run, new SyncPage(run.organisation, mapped.invoices, mapped.quarantined, Optional.empty()));
            seen.addAll(mapped.ids());
            int count = body.get().path("Invoices").size();
            int pageCount = body.get().path("pagination").path("pageCount").asInt(Integer.MAX_VALUE);
            if (count < pageSize || page >= pageCount) {
                break;
            }
        }
        List<String> vanished = storedOpen.keySet().stream().filter(id -> !seen.contains(id)).toList();
        Optional<LedgerFailure> failure = rereadVanished(run, vanished);
        if (failure.isPresent()) {
            return failure;
        }
        connections.advanceCursor(run.organisation, cursor.fullScanFinished(started).toSyncCursor());
        return Optional.empty();
    }

    private Optional<LedgerFailure> incremental(Run run, XeroCursor cursor) {
        Instant since = cursor.changedThrough().orElseThrow().minus(config.sync().overlap());
        int pageSize = config.sync().pageSize();
        XeroCursor position = cursor;
        for (int page = 1; ; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("where", "Type==\"ACCREC\"");
            // Oldest change first, asked for rather than left to Xero's default: the cursor moves to the
            // latest change of each stored page, so a failure before a later page must leave only
            // newer changes unread, never older ones behind the cursor.
            query.put("order", "UpdatedDateUTC ASC");
            query.put("page", Integer.toString(page));
            query.put("pageSize", Integer.toString(pageSize));
            XeroClient.Call call = XeroClient.Call.get("/Invoices", query)
                    .withHeader("If-Modified-Since", XeroDates.ifModifiedSince(since));
            XeroClient.Result result = api.call(run.organisation, call, run.calls);
            Optional<JsonNode> body = body(result);
            if (body.isEmpty()) {
                return Optional.of(failure(result));
            }
            Mapped mapped = map(run.organisation, body.get().path("Invoices"));
            for (Instant updated : mapped.updatedAt) {
                position = position.changedThrough(updated);
            }
            store(run, new SyncPage(run.organisation, mapped.invoices, mapped.quarantined,
                    Optional.of(position.toSyncCursor())));
            int count = body.get().path("Invoices").size();
            int pageCount = body.get().path("pagination").path("pageCount").asInt(Integer.MAX_VALUE);
            if (count < pageSize || page >= pageCount) {
                return Optional.empty();
            }
        }
    }

    /**
     * {@code summaryOnly} leaves out payments and credits. Where money was applied and the stored
     * copy does not already carry that history, the invoices are read again in full.
     */
    private Optional<LedgerFailure> withPaymentHistory(Run run, Mapped mapped, Map<String, InvoiceSnapshot> storedOpen) {
        List<String> needed = new ArrayList<>();
        for (int i = 0; i < mapped.invoices.size(); i++) {
            InvoiceSnapshot s = mapped.invoices.get(i).snapshot();
            Money applied = s.total().minus(s.amountDue());
            if (!applied.isPositive()) {
                continue;
            }
            Optional<InvoiceSnapshot> stored = Optional.ofNullable(storedOpen.get(s.invoiceId()))
                    .or(() -> invoices.load(InvoiceRef.of(s)));
            if (stored.isPresent() && paidSoFar(stored.get()).equals(applied) && !stored.get().payments().isEmpty()) {
                IncomingInvoice incoming = mapped.invoices.get(i);
                mapped.invoices.set(i, new IncomingInvoice(withPayments(s, stored.get().payments()),
                        incoming.rawPayload(), incoming.providerUpdatedAt()));
            } else {
                needed.add(s.invoiceId());
            }
        }
        for (int from = 0; from < needed.size(); from += IDS_PER_REQUEST) {
            List<String> chunk = needed.subList(from, Math.min(needed.size(), from + IDS_PER_REQUEST));
            XeroClient.Result result = api.call(run.organisation,
                    XeroClient.Call.get("/Invoices", Map.of("IDs", String.join(",", chunk))), run.calls);
            Optional<JsonNode> body = body(result);
            if (body.isEmpty()) {
                return Optional.of(failure(result));
            }
            Mapped full = map(run.organisation, body.get().path("Invoices"));
            Map<String, IncomingInvoice> byId = new LinkedHashMap<>();
            full.invoices.forEach(inv -> byId.put(inv.snapshot().invoiceId(), inv));
            mapped.invoices.replaceAll(inv -> byId.getOrDefault(inv.snapshot().invoiceId(), inv));
            mapped.quarantined.addAll(full.quarantined);
            Set<String> bad = new HashSet<>();
            full.quarantined.forEach(q -> bad.add(q.providerInvoiceId()));
            mapped.invoices.removeIf(inv -> bad.contains(inv.snapshot().invoiceId()));
        }
        return Optional.empty();
    }

    /** Open in our mirror, absent from the scan: read them by id to learn what became of them. */
    private Optional<LedgerFailure> rereadVanished(Run run, List<String> vanished) {
        for (int from = 0; from < vanished.size(); from += IDS_PER_REQUEST) {
            List<String> chunk = vanished.subList(from, Math.min(vanished.size(), from + IDS_PER_REQUEST));
            XeroClient.Result result = api.call(run.organisation,
                    XeroClient.Call.get("/Invoices", Map.of("IDs", String.join(",", chunk))), run.calls);
            Optional<JsonNode> body = body(result);
            if (body.isEmpty()) {
                return Optional.of(failure(result));
            }
            Mapped mapped = map(run.organisation, body.get().path("Invoices"));
            Set<String> returned = new HashSet<>(mapped.ids());
            for (String id : chunk) {
                if (!returned.contains(id)) {
                    mapped.quarantined.add(new QuarantinedRecord(id,
                            "Xero no longer returns this invoice (deleted, or no longer visible to Arrears)", "{}"));
                }
            }
            store(run, new SyncPage(run.organisation, mapped.invoices, mapped.quarantined, Optional.empty()));
        }
        return Optional.empty();
    }

    private void store(Run run, SyncPage page) {
        PageStored stored = invoices.store(page);
        run.stored += stored.written();
        run.quarantined += stored.quarantined().size();
    }

    /** The invoices of one page, read or set aside. Mutable: full reads replace summaries. */
    private record Mapped(List<IncomingInvoice> invoices, List<QuarantinedRecord> quarantined, List<Instant> updatedAt) {
        List<String> ids() {
            List<String> ids = new ArrayList<>();
            invoices.forEach(i -> ids.add(i.snapshot().invoiceId()));
            quarantined.forEach(q -> ids.add(q.providerInvoiceId()));
            return ids;
        }
    }

    private static Mapped map(OrganisationId organisation, JsonNode array) {
        Mapped mapped = new Mapped(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int position = 0;
        for (JsonNode node : array) {
            position++;
            switch (XeroInvoiceMapper.map(organisation, node, position)) {
                case XeroInvoiceMapper.Read read -> {
                    mapped.invoices.add(read.invoice());
                    mapped.updatedAt.add(read.invoice().providerUpdatedAt());
                }
                case XeroInvoiceMapper.Unreadable unreadable -> {
                    mapped.quarantined.add(unreadable.record());
                    tryUpdatedAt(node).ifPresent(mapped.updatedAt::add);
                }
            }
        }
        return mapped;
    }

    private static Optional<Instant> tryUpdatedAt(JsonNode node) {
        try {
            return Optional.of(XeroInvoiceMapper.updatedAt(node));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Money paidSoFar(InvoiceSnapshot s) {
        return s.payments().stream().map(PaymentApplied::amount).reduce(Money.zero(s.currency()), Money::plus);
    }

    private static InvoiceSnapshot withPayments(InvoiceSnapshot s, List<PaymentApplied> payments) {
        return new InvoiceSnapshot(s.organisationId(), s.invoiceId(), s.number(), s.customerId(), s.customerName(),
                s.issueDate(), s.dueDate(), s.total(), s.amountDue(), s.status(), payments, s.lateFeeInvoice());
    }

    private static Optional<JsonNode> body(XeroClient.Result result) {
        if (result instanceof XeroClient.Ok ok && ok.body().isObject()) {
            return Optional.of(ok.body());
        }
        return Optional.empty();
    }

    private static LedgerFailure failure(XeroClient.Result result) {
        return switch (result) {
            case XeroClient.Failed failed -> failed.failure();
            case XeroClient.Ok ok -> new LedgerFailure.RetryLater("Xero sent an answer that is not a JSON object", Optional.empty());
            case XeroClient.NotFound notFound -> new LedgerFailure.Rejected(notFound.detail());
            case XeroClient.InDoubt inDoubt -> new LedgerFailure.RetryLater(inDoubt.reason(), Optional.empty());
        };
    }
}
