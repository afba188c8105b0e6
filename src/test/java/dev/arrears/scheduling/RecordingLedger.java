package dev.arrears.scheduling;

import dev.arrears.application.IncomingInvoice;
import dev.arrears.application.SyncPage;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.ledger.Evidence;
import dev.arrears.application.ledger.InvoiceReading;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.application.ledger.LedgerGateway;
import dev.arrears.application.ledger.LedgerWrite;
import dev.arrears.application.ledger.SettingsReport;
import dev.arrears.application.ledger.SyncReport;
import dev.arrears.application.ledger.WriteOutcome;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An in-memory ledger that behaves the way a real provider does where exactly-once is at stake:
 * it applies a write once per idempotency key (a repeat returns the first result without applying
 * anything), keeps the evidence of every applied write, and can be told to fail: a 5xx, a timeout
 * after the write was applied (the caller cannot know), a timeout before it was applied, a 429
 * with Retry-After, a validation refusal. It counts on its own side what was applied, so the
 * tests check "exactly once" where it matters: in the ledger.
 */
final class RecordingLedger implements LedgerGateway {

    enum Fault { SERVER_ERROR, TIMEOUT_AFTER_APPLY, TIMEOUT_BEFORE_APPLY, TOO_MANY_REQUESTS, REJECT }

    record Applied(String key, OrganisationId organisation, String invoiceId, String kind, String reference, Instant at) {
    }

    private final LedgerProvider provider;
    private final InvoiceStore store;
    private final Clock clock;

    private final Map<OrganisationId, Map<String, InvoiceSnapshot>> invoices = new ConcurrentHashMap<>();
    private final Map<String, Instant> updatedAt = new ConcurrentHashMap<>();
    private final Map<String, Applied> appliedByKey = new ConcurrentHashMap<>();
    private final List<Applied> applied = new CopyOnWriteArrayList<>();
    private volatile Duration keysKeptFor;
    private final Map<String, AtomicInteger> writeCalls = new ConcurrentHashMap<>();
    private final Map<OrganisationId, AtomicInteger> writeCallsByOrg = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> evidenceLookups = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> rereads = new ConcurrentHashMap<>();
    private final Map<OrganisationId, AtomicInteger> syncs = new ConcurrentHashMap<>();
    private final Map<OrganisationId, AtomicInteger> settingsReads = new ConcurrentHashMap<>();
    private final Map<OrganisationId, LedgerFailure> settingsFailures = new ConcurrentHashMap<>();
    private final Map<OrganisationId, AtomicInteger> activeWorkers = new ConcurrentHashMap<>();
    private final Map<OrganisationId, Instant> quietUntil = new ConcurrentHashMap<>();
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger references = new AtomicInteger();
    private final AtomicInteger evidenceRefusals = new AtomicInteger();
    private volatile Duration retryAfter = Duration.ofMinutes(2);
    private volatile Consumer<OrganisationId> afterSync = org -> { };
    private volatile Consumer<OrganisationId> beforeSync = org -> { };
    private volatile Consumer<LedgerWrite> afterApply = write -> { };
    private volatile Consumer<String> beforeReread = invoiceId -> { };
    private final Map<OrganisationId, LedgerFailure> syncFailures = new ConcurrentHashMap<>();

    RecordingLedger(LedgerProvider provider, InvoiceStore store, Clock clock) {
        this.provider = provider;
        this.store = store;
        this.clock = clock;
    }

    // ---- setting the ledger up -------------------------------------------------------------

    void put(InvoiceSnapshot invoice) {
        OrganisationId org = OrganisationId.parse(invoice.organisationId());
        invoices.computeIfAbsent(org, o -> new ConcurrentHashMap<>()).put(invoice.invoiceId(), invoice);
        String stampKey = org + "/" + invoice.invoiceId();
        // Every change gets a later "updated at", so the mirror takes it.
        updatedAt.merge(stampKey, Instant.parse("2025-01-01T00:00:00Z"), (old, x) -> old.plusSeconds(1));
    }

    /** The customer pays in full: the ledger's copy says so from now on. */
    void pay(OrganisationId org, String invoiceId) {
        InvoiceSnapshot i = invoices.get(org).get(invoiceId);
        put(new InvoiceSnapshot(i.organisationId(), i.invoiceId(), i.number(), i.customerId(), i.customerName(),
                i.issueDate(), i.dueDate(), i.total(), Money.zero(i.currency()), InvoiceStatus.PAID, i.payments(), false));
    }

    void failNext(String key, Fault... planned) {
        faults.computeIfAbsent(key, k -> new ArrayDeque<>()).addAll(List.of(planned));
    }

    void failSync(OrganisationId org, LedgerFailure failure) {
        syncFailures.put(org, failure);
    }

    void healSync(OrganisationId org) {
        syncFailures.remove(org);
    }

    void failSettings(OrganisationId org, LedgerFailure failure) {
        settingsFailures.put(org, failure);
    }

    void healSettings(OrganisationId org) {
        settingsFailures.remove(org);
    }

    void retryAfter(Duration duration) {
        retryAfter = duration;
    }

    void afterSync(Consumer<OrganisationId> hook) {
        afterSync = hook;
    }

    void beforeSync(Consumer<OrganisationId> hook) {
        beforeSync = hook;
    }

    void afterApply(Consumer<LedgerWrite> hook) {
        afterApply = hook;
    }

    void beforeReread(Consumer<String> hook) {
        beforeReread = hook;
    }

    // ---- what the tests read ---------------------------------------------------------------

    List<Applied> applied() {
        return List.copyOf(applied);
    }

    List<Applied> applied(OrganisationId org) {
        return applied.stream().filter(a -> a.organisation().equals(org)).toList();
    }

    int writeCalls(String key) {
        return writeCalls.getOrDefault(key, new AtomicInteger()).get();
    }

    int writeCalls(OrganisationId org) {
        return writeCallsByOrg.getOrDefault(org, new AtomicInteger()).get();
    }

    /** How often the invoice was read on its own (right before writes), by its id. */
    int rereads(String invoiceId) {
        return rereads.getOrDefault(invoiceId, new AtomicInteger()).get();
    }

    int evidenceLookups(String key) {
        return evidenceLookups.getOrDefault(key, new AtomicInteger()).get();
    }

    int syncs(OrganisationId org) {
        return syncs.getOrDefault(org, new AtomicInteger()).get();
    }

    int settingsReads(OrganisationId org) {
        return settingsReads.getOrDefault(org, new AtomicInteger()).get();
    }

    /** Things a real ledger would have noticed: two workers on one organisation, a write inside a Retry-After window. */
    List<String> violations() {
        return List.copyOf(violations);
    }

    // ---- the port --------------------------------------------------------------------------

    @Override
    public LedgerProvider provider() {
        return provider;
    }

    @Override
    public SettingsReport refreshSettings(OrganisationId organisation) {
        settingsReads.computeIfAbsent(organisation, o -> new AtomicInteger()).incrementAndGet();
        return new SettingsReport(Optional.empty(), false, List.of(), Optional.ofNullable(settingsFailures.get(organisation)));
    }

    @Override
    public SyncReport sync(OrganisationId organisation) {
        beforeSync.accept(organisation);
        enter(organisation);
        try {
            syncs.computeIfAbsent(organisation, o -> new AtomicInteger()).incrementAndGet();
            LedgerFailure failure = syncFailures.get(organisation);
            if (failure != null) {
                return new SyncReport(1, 0, 0, false, Optional.of(failure));
            }
            List<IncomingInvoice> page = new ArrayList<>();
            for (InvoiceSnapshot invoice : invoices.getOrDefault(organisation, Map.of()).values()) {
                page.add(new IncomingInvoice(invoice, "{\"InvoiceID\":\"" + invoice.invoiceId() + "\"}",
                        updatedAt.get(organisation + "/" + invoice.invoiceId())));
            }
            store.store(SyncPage.of(organisation, page));
            afterSync.accept(organisation);
            return new SyncReport(1, page.size(), 0, true, Optional.empty());
        } finally {
            leave(organisation);
        }
    }

    @Override
    public InvoiceReading reread(OrganisationId organisation, String providerInvoiceId) {
        beforeReread.accept(providerInvoiceId);
        rereads.computeIfAbsent(providerInvoiceId, k -> new AtomicInteger()).incrementAndGet();
        InvoiceSnapshot invoice = invoices.getOrDefault(organisation, Map.of()).get(providerInvoiceId);
        return invoice == null ? new InvoiceReading.Gone("no such invoice") : new InvoiceReading.Found(invoice);
    }

    @Override
    public Evidence findEvidence(OrganisationId organisation, LedgerWrite write, Optional<Instant> firstWriteAt) {
        evidenceLookups.computeIfAbsent(write.key().value(), k -> new AtomicInteger()).incrementAndGet();
        if (evidenceRefusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Evidence.Unknown(new LedgerFailure.Rejected("HTTP 400: the search was refused"));
        }
        Applied earlier = appliedByKey.get(write.key().value());
        if (earlier != null) {
            return new Evidence.Found(earlier.reference());
        }
        return keysKeptFor != null && firstWriteAt.isPresent() && clock.instant().isBefore(firstWriteAt.get().plus(keysKeptFor))
                ? new Evidence.RepeatNow("the idempotency key is kept") : new Evidence.NotFound();
    }

    /** The next {@code times} evidence look-ups are refused with a 4xx. */
    void refuseEvidenceLookups(int times) {
        evidenceRefusals.set(times);
    }

    /** Like Xero: for this long after an attempt began, its key answers a repeat (in doubt: RepeatNow). */
    void keepsKeysFor(Duration window) {
        keysKeptFor = window;
    }

    @Override
    public WriteOutcome write(OrganisationId organisation, LedgerWrite write) {
        String key = write.key().value();
        writeCalls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        writeCallsByOrg.computeIfAbsent(organisation, k -> new AtomicInteger()).incrementAndGet();
        Instant now = clock.instant();
        Instant quiet = quietUntil.get(organisation);
        if (quiet != null && now.isBefore(quiet)) {
            violations.add("write " + key + " at " + now + " inside the Retry-After window until " + quiet);
        }
        Deque<Fault> planned = faults.get(key);
        Fault fault = planned == null ? null : planned.poll();
        if (fault == Fault.SERVER_ERROR) {
            return new WriteOutcome.Failed(new LedgerFailure.RetryLater("HTTP 503 from the ledger", Optional.empty()));
        }
        if (fault == Fault.TOO_MANY_REQUESTS) {
            Instant until = now.plus(retryAfter);
            quietUntil.put(organisation, until);
            return new WriteOutcome.Failed(LedgerFailure.RetryLater.throttled("HTTP 429", until));
        }
        if (fault == Fault.REJECT) {
            return new WriteOutcome.Failed(new LedgerFailure.Rejected("HTTP 400: validation error"));
        }
        if (fault == Fault.TIMEOUT_BEFORE_APPLY) {
            return new WriteOutcome.InDoubt("read timed out");
        }
        Applied result = apply(organisation, write, now);
        if (fault == Fault.TIMEOUT_AFTER_APPLY) {
            return new WriteOutcome.InDoubt("read timed out");
        }
        return new WriteOutcome.Done(result.reference());
    }

    /** Idempotency as providers do it: the same key applies once; a repeat answers with the first result. */
    private Applied apply(OrganisationId organisation, LedgerWrite write, Instant now) {
        String key = write.key().value();
        boolean[] fresh = {false};
        Applied result = appliedByKey.computeIfAbsent(key, k -> {
            fresh[0] = true;
            String kind = write.getClass().getSimpleName();
            return new Applied(k, organisation, write.invoice().invoiceId(), kind, "ref-" + references.incrementAndGet(), now);
        });
        if (fresh[0]) {
            applied.add(result);
            afterApply.accept(write);
        }
        return result;
    }

    /** Applies a write as if some replica had sent it (one that dies right after). */
    Applied applyDirectly(OrganisationId organisation, LedgerWrite write) {
        writeCalls.computeIfAbsent(write.key().value(), k -> new AtomicInteger()).incrementAndGet();
        writeCallsByOrg.computeIfAbsent(organisation, k -> new AtomicInteger()).incrementAndGet();
        return apply(organisation, write, clock.instant());
    }

    private void enter(OrganisationId organisation) {
        int now = activeWorkers.computeIfAbsent(organisation, o -> new AtomicInteger()).incrementAndGet();
        if (now > 1) {
            violations.add("two workers on organisation " + organisation + " at once");
        }
    }

    private void leave(OrganisationId organisation) {
        activeWorkers.get(organisation).decrementAndGet();
    }
}
