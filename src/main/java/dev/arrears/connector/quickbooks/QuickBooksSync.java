package dev.arrears.connector.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.application.IncomingInvoice;
import dev.arrears.application.SyncPage;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.PageStored;
import dev.arrears.application.QuarantinedRecord;
import dev.arrears.application.SyncCursor;
import dev.arrears.application.ledger.InvoiceReading;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.application.ledger.SyncReport;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Mirrors a company's invoices.
 * <ul>
 * <li>First load: {@code select * from Invoice where Balance > '0'}, paged by {@code STARTPOSITION}; the
 *     cursor remembers the next position, so an interrupted load resumes where it stopped.</li>
 * <li>Then Change Data Capture for Invoice, Payment and CreditMemo since the cursor (less an overlap).
 *     With nothing changed that is the only request of the cycle: reads are metered monthly.</li>
 * <li>CDC returns at most 1,000 objects and cannot page. A full answer means some changes are missing:
 *     the window is split. CDC has only a lower bound, so the later half is asked with a later
 *     {@code changedSince} (repeatedly halved until it comes back complete) and the earlier half
 *     is covered by a bounded, paged query on {@code MetaData.LastUpdatedTime}.</li>
 * <li>When the cursor is older than CDC's 30-day look-back, the same query covers the gap.</li>
 * </ul>
 * The query path cannot see deletions; a deleted invoice it misses is caught by the re-read before
 * any write (it answers "gone").
 */
@ApplicationScoped
class QuickBooksSync {

    private static final String CDC_TOKEN = "cdc";
    private static final String LOAD_PREFIX = "load:";
    private static final List<String> CDC_ENTITIES = List.of("Invoice", "Payment", "CreditMemo");

    private final QboClient client;
    private final InvoiceStore invoices;
    private final OrganisationStore organisations;
    private final QuickBooksConfig.Sync settings;
    private final Clock clock;

    QuickBooksSync(QboClient client, InvoiceStore invoices, OrganisationStore organisations, QuickBooksConfig settings,
                   Clock clock) {
        this.client = client;
        this.invoices = invoices;
        this.organisations = organisations;
        this.settings = settings.sync();
        this.clock = clock;
    }

    SyncReport sync(OrganisationId organisation) {
        Tally tally = new Tally();
        RealmSession session = null;
        boolean full = false;
        try {
            session = client.open(organisation);
            Currency home = organisations.find(organisation).map(o -> o.baseCurrency())
                    .orElseThrow(() -> new IllegalStateException("unknown organisation " + organisation));
            Run run = new Run(session, home, tally);
            SyncCursor cursor = session.connection().cursor();
            if (cursor.changedThrough().isEmpty()) {
                full = true;
                firstLoad(run, cursor.token());
            } else {
                Instant since = cursor.changedThrough().get().minus(settings.overlap());
                if (since.isBefore(clock.instant().minus(settings.cdcLookBack()))) {
                    Log.infof("Organisation %s last synced %s, beyond CDC's look-back: querying by LastUpdatedTime",
                            organisation, cursor.changedThrough().get());
                    queryWindow(run, since, Optional.empty());
                } else {
                    changes(run, since);
                }
            }
            return new SyncReport(session.calls(), tally.stored, tally.quarantined, full, Optional.empty());
        } catch (QboProblem problem) {
            Log.warnf("QuickBooks sync of organisation %s stopped: %s", organisation, problem.getMessage());
            return new SyncReport(session == null ? 0 : session.calls(), tally.stored, tally.quarantined, full,
                    Optional.of(problem.failure()));
        }
    }

    private void firstLoad(Run run, Optional<String> token) {
        long position = 1;
        Optional<Instant> startedAt = Optional.empty();
        if (token.isPresent() && token.get().startsWith(LOAD_PREFIX)) {
            String[] parts = token.get().split(":");
            position = Long.parseLong(parts[1]);
            startedAt = Optional.of(Instant.ofEpochSecond(Long.parseLong(parts[2])));
        }
        while (true) {
            JsonNode response = client.query(run.session, "select * from Invoice where Balance > '0' ORDERBY Id STARTPOSITION "
                    + position + " MAXRESULTS " + settings.pageSize());
            if (startedAt.isEmpty()) {
                // Changes made while the load pages along are picked up by the first CDC from here.
                startedAt = Optional.of(QboTime.serverTime(response).orElse(clock.instant()));
            }
            List<JsonNode> page = entities(response.path("QueryResponse"), "Invoice");
            boolean last = page.size() < settings.pageSize();
            long next = position + page.size();
            SyncCursor cursor = last
                    ? new SyncCursor(Optional.of(CDC_TOKEN), startedAt)
                    : new SyncCursor(Optional.of(LOAD_PREFIX + next + ":" + startedAt.get().getEpochSecond()), Optional.empty());
            store(run, page, List.of(), Optional.of(cursor));
            if (last) {
                return;
            }
            position = next;
        }
    }

    private void changes(Run run, Instant since) {
        JsonNode response = cdc(run, since);
        Instant until = QboTime.serverTime(response).orElse(clock.instant());
        if (count(response) < settings.cdcCap()) {
            applyCdc(run, response, until);
            return;
        }
        // Full answer: split the window. Halve from the far end until CDC answers completely.
        Instant boundary = since;
        Optional<JsonNode> tail = Optional.empty();
        while (Duration.between(boundary, until).compareTo(settings.smallestWindow().multipliedBy(2)) >= 0) {
            Instant mid = boundary.plus(Duration.between(boundary, until).dividedBy(2));
            JsonNode answer = cdc(run, mid);
            boundary = mid;
            if (count(answer) < settings.cdcCap()) {
                tail = Optional.of(answer);
                break;
            }
        }
        Log.infof("CDC for organisation %s returned %d objects or more: querying %s to %s, CDC from %s",
                run.session.organisation(), settings.cdcCap(), since, boundary, tail.isPresent() ? boundary : "-");
        if (tail.isEmpty()) {
            queryWindow(run, since, Optional.empty());
            return;
        }
        queryWindow(run, since, Optional.of(boundary));
        applyCdc(run, tail.get(), QboTime.serverTime(tail.get()).orElse(until));
    }

    private JsonNode cdc(Run run, Instant since) {
        return client.get(run.session, "cdc", Map.of("entities", String.join(",", CDC_ENTITIES),
                "changedSince", QboTime.literal(since)));
    }

    /**
     * Invoices updated in [from, to) (or from {@code from} on), paged, oldest change first. Each page
     * moves the cursor to its latest change; an open-ended window ends at the server time of its
     * first page (later changes are CDC's again).
     */
    private void queryWindow(Run run, Instant from, Optional<Instant> to) {
        String where = "MetaData.LastUpdatedTime >= '" + QboTime.literal(from) + "'"
                + to.map(t -> " and MetaData.LastUpdatedTime < '" + QboTime.literal(t) + "'").orElse("");
        long position = 1;
        Optional<Instant> startedAt = Optional.empty();
        while (true) {
            JsonNode response = client.query(run.session, "select * from Invoice where " + where
                    + " ORDERBY MetaData.LastUpdatedTime STARTPOSITION " + position + " MAXRESULTS " + settings.pageSize());
            if (startedAt.isEmpty()) {
                startedAt = Optional.of(QboTime.serverTime(response).orElse(clock.instant()));
            }
            List<JsonNode> page = entities(response.path("QueryResponse"), "Invoice");
            boolean last = page.size() < settings.pageSize();
            Optional<Instant> through = last && to.isEmpty() ? startedAt
                    : page.stream().map(InvoiceMapper::updatedAt).flatMap(Optional::stream).max(Instant::compareTo);
            store(run, page, List.of(), through.map(t -> new SyncCursor(Optional.of(CDC_TOKEN), Optional.of(t))));
            if (last) {
                return;
            }
            position += page.size();
        }
    }

    private void applyCdc(Run run, JsonNode response, Instant through) {
        List<JsonNode> changed = new ArrayList<>();
        List<JsonNode> deleted = new ArrayList<>();
        List<JsonNode> payers = new ArrayList<>();
        for (JsonNode group : queryResponses(response)) {
            for (JsonNode invoice : entities(group, "Invoice")) {
                (InvoiceMapper.isDeletedStub(invoice) ? deleted : changed).add(invoice);
            }
            for (String type : List.of("Payment", "CreditMemo")) {
                for (JsonNode entity : entities(group, type)) {
                    if (!InvoiceMapper.isDeletedStub(entity)) {
                        payers.add(entity);
                        if (type.equals("Payment")) {
                            run.payments.add(entity);
                        }
                    }
                }
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        changed.forEach(i -> QboJson.text(i, "Id").ifPresent(seen::add));
        List<JsonNode> deletedForGood = new ArrayList<>();
        for (JsonNode stub : deleted) {
            String id = QboJson.text(stub, "Id").orElse("");
            if (id.isEmpty() || seen.contains(id)) {
                continue;
            }
            // CDC has been seen to report just-updated invoices as deleted: believe it only after a read.
            Optional<JsonNode> current = readInvoice(run.session, id);
            if (current.isPresent()) {
                changed.add(current.get());
            } else {
                deletedForGood.add(stub);
            }
            seen.add(id);
        }
        // A payment edited on its own may leave its invoice untouched in CDC: read those invoices too.
        Set<String> linked = new LinkedHashSet<>();
        payers.forEach(p -> linked.addAll(PaymentBook.invoiceIdsOf(p)));
        linked.removeAll(seen);
        changed.addAll(byIds(run.session, "Invoice", linked));
        store(run, changed, deletedForGood, Optional.of(new SyncCursor(Optional.of(CDC_TOKEN), Optional.of(through))));
    }

    /** Maps and stores one page; a record that cannot be read is quarantined, the rest stored. */
    private void store(Run run, List<JsonNode> page, List<JsonNode> deletedStubs, Optional<SyncCursor> cursor) {
        fetchMissingPayments(run, page);
        OrganisationId organisation = run.session.organisation();
        Map<String, IncomingInvoice> incoming = new LinkedHashMap<>();
        List<QuarantinedRecord> quarantined = new ArrayList<>();
        for (JsonNode node : page) {
            try {
                IncomingInvoice invoice = InvoiceMapper.map(organisation, node, run.home, run.payments);
                incoming.put(invoice.snapshot().invoiceId(), invoice);
            } catch (RuntimeException unreadable) {
                String id = QboJson.text(node, "Id").orElse("");
                String reason = "QuickBooks invoice could not be read: " + unreadable.getMessage();
                if (id.isEmpty()) {
                    Log.warnf("Organisation %s: an invoice without an Id was skipped (%s)", organisation, reason);
                } else {
                    quarantined.add(new QuarantinedRecord(id, reason, QboJson.write(node)));
                }
            }
        }
        for (JsonNode stub : deletedStubs) {
            deletedSnapshot(organisation, stub).ifPresent(i -> incoming.put(i.snapshot().invoiceId(), i));
        }
        PageStored stored = invoices.store(new SyncPage(organisation, List.copyOf(incoming.values()), quarantined, cursor));
        run.tally.stored += stored.written();
        run.tally.quarantined += stored.quarantined().size();
    }

    /** The stored copy of a deleted invoice, marked deleted (nothing is owed on it any more). */
    private Optional<IncomingInvoice> deletedSnapshot(OrganisationId organisation, JsonNode stub) {
        String id = QboJson.text(stub, "Id").orElseThrow();
        Instant when = InvoiceMapper.updatedAt(stub).orElse(clock.instant());
        return invoices.load(new InvoiceRef(organisation, id)).map(s -> new IncomingInvoice(new InvoiceSnapshot(
                s.organisationId(), s.invoiceId(), s.number(), s.customerId(), s.customerName(), s.issueDate(), s.dueDate(),
                s.total(), Money.zero(s.currency()), InvoiceStatus.DELETED, s.payments(), s.lateFeeInvoice()),
                QboJson.write(stub), when));
    }

    private void fetchMissingPayments(Run run, List<JsonNode> page) {
        Set<String> missing = new LinkedHashSet<>();
        for (JsonNode invoice : page) {
            PaymentBook.paymentIdsOf(invoice).stream().filter(id -> !run.payments.knows(id)).forEach(missing::add);
        }
        byIds(run.session, "Payment", missing).forEach(run.payments::add);
    }

    /** Entities by id, {@code idsPerQuery} at a time ({@code Id} allows only = and IN). */
    private List<JsonNode> byIds(RealmSession session, String entity, Set<String> ids) {
        List<JsonNode> found = new ArrayList<>();
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += settings.idsPerQuery()) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + settings.idsPerQuery()));
            String in = String.join(",", chunk.stream().map(QuickBooksSync::quoted).toList());
            JsonNode response = client.query(session, "select * from " + entity + " where Id IN (" + in + ") MAXRESULTS 1000");
            found.addAll(entities(response.path("QueryResponse"), entity));
        }
        return found;
    }

    /** One invoice fresh from QuickBooks, with its payments, for the pre-flight check before a write. */
    InvoiceReading reread(RealmSession session, String id) {
        Optional<JsonNode> invoice = readInvoice(session, id);
        if (invoice.isEmpty()) {
            return new InvoiceReading.Gone("invoice " + id + " is deleted in QuickBooks (Object Not Found)");
        }
        Currency home = organisations.find(session.organisation()).map(o -> o.baseCurrency()).orElseThrow();
        Run run = new Run(session, home, new Tally());
        fetchMissingPayments(run, List.of(invoice.get()));
        try {
            return new InvoiceReading.Found(InvoiceMapper.map(session.organisation(), invoice.get(), home, run.payments).snapshot());
        } catch (RuntimeException unreadable) {
            return new InvoiceReading.Failed(new LedgerFailure.Rejected("QuickBooks invoice " + id
                    + " could not be read: " + unreadable.getMessage()));
        }
    }

    /** The invoice as QuickBooks has it now; empty when it is deleted (fault 610, Object Not Found). */
    Optional<JsonNode> readInvoice(RealmSession session, String id) {
        try {
            JsonNode invoice = client.get(session, "invoice/" + id, Map.of()).path("Invoice");
            return invoice.isMissingNode() ? Optional.empty() : Optional.of(invoice);
        } catch (QboProblem problem) {
            if (problem.has("610")) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    static String quoted(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static int count(JsonNode cdcResponse) {
        int n = 0;
        for (JsonNode group : queryResponses(cdcResponse)) {
            for (String type : CDC_ENTITIES) {
                n += entities(group, type).size();
            }
        }
        return n;
    }

    private static List<JsonNode> queryResponses(JsonNode cdcResponse) {
        List<JsonNode> groups = new ArrayList<>();
        for (JsonNode cdc : QboJson.each(cdcResponse, "CDCResponse")) {
            QboJson.each(cdc, "QueryResponse").forEach(groups::add);
        }
        return groups;
    }

    static List<JsonNode> entities(JsonNode queryResponse, String type) {
        List<JsonNode> list = new ArrayList<>();
        QboJson.each(queryResponse, type).forEach(list::add);
        return list;
    }

    /** What one sync has to hand around. */
    private static final class Run {
        final RealmSession session;
        final Currency home;
        final Tally tally;
        final PaymentBook payments = new PaymentBook();

        Run(RealmSession session, Currency home, Tally tally) {
            this.session = session;
            this.home = home;
            this.tally = tally;
        }
    }

    private static final class Tally {
        int stored;
        int quarantined;
    }
}
