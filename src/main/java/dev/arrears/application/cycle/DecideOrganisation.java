package dev.arrears.application.cycle;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.DecisionRecorder;
import dev.arrears.application.DecisionToRecord;
import dev.arrears.application.DeliveryMode;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.InvoicesToDecide;
import dev.arrears.application.InvoicesToDecide.FullDecide;
import dev.arrears.application.InvoicesToDecide.ToDecide;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.Outbox;
import dev.arrears.application.ConnectionStore;
import dev.arrears.application.OrganisationKey;
import dev.arrears.application.PolicyRepository;
import dev.arrears.application.PolicyVersionRecord;
import dev.arrears.application.PolicyVersionStore;
import dev.arrears.application.RecordedDecisions;
import dev.arrears.application.StoredDunningState;
import dev.arrears.application.collections.CollectionsStore;
import dev.arrears.application.escalation.StoredDocument;
import dev.arrears.application.policy.EffectivePolicies;
import dev.arrears.application.policy.EffectivePolicy;
import dev.arrears.domain.calendar.OrganisationDay;
import dev.arrears.domain.collections.CollectionsContext;
import dev.arrears.domain.dunning.Decision;
import dev.arrears.domain.dunning.DunningEngine;
import dev.arrears.domain.dunning.DunningState;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.policy.Policy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The decide step for one organisation: the engine over every invoice still in play, on the
 * organisation's "today", each decision stored with its state, outbox actions and audit events in
 * one transaction. Decisions are stored {@link #CHUNK} at a time (one transaction per chunk, where
 * one per invoice cost most of a first cycle); a stale one is left out of its chunk, not the chunk
 * failed. A live organisation's actions go to the dispatcher; a preview organisation's are stored
 * as PREVIEWED, the same decisions with nothing sent (the recorder reads the mode again as it
 * stores, so a go-live during the step is not missed).
 *
 * <p>Not every invoice every cycle: once a day, and whenever the policy files, the organisation's
 * policy id, zone or mode changed, every open invoice is decided (a full decide); in between only
 * those {@link InvoicesToDecide} says are due (changed since decided, never decided, or their next
 * review day come), which decide exactly as all would (DecideOnlyDueProperties). Escalation documents
 * are produced for live organisations only; a document missing after a crash is made good by the
 * next decide of its invoice, at the latest the next day's full decide.
 *
 * <p>A decision that changes nothing (same state, no action: the engine is idempotent, so this is
 * every re-run on the same day) is not stored, which keeps the audit trail to real decisions.
 * A settled invoice that is still in dunning is decided too, so it leaves dunning; its pending
 * actions are cancelled on sight (payments win every race, whichever path sees them).
 */
public final class DecideOrganisation {

    private final InvoicesToDecide toDecide;
    private final DecisionRecorder recorder;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final PolicyRepository policies;
    private final EffectivePolicies effectivePolicies;
    private final PolicyVersionStore versions;
    private final ConnectionStore connections;
    private final CollectionsStore collections;
    private final DunningEngine engine;
    private final StageDocuments documents;
    /** Decisions are stored this many at a time: one transaction and a fixed number of statements each. */
    static final int CHUNK = 500;
    /** Versions already in the policy version table, so each is written once per process, not per invoice. */
    private final Set<String> versionsRecorded = ConcurrentHashMap.newKeySet();

    public DecideOrganisation(InvoicesToDecide toDecide, DecisionRecorder recorder, Outbox outbox, AuditTrail audit, PolicyRepository policies,
                              EffectivePolicies effectivePolicies, PolicyVersionStore versions, ConnectionStore connections,
                              CollectionsStore collections, DunningEngine engine, StageDocuments documents) {
        this.toDecide = Objects.requireNonNull(toDecide, "toDecide");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.effectivePolicies = Objects.requireNonNull(effectivePolicies, "effectivePolicies");
        this.versions = Objects.requireNonNull(versions, "versions");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.collections = Objects.requireNonNull(collections, "collections");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.documents = Objects.requireNonNull(documents, "documents");
    }

    /** What one decide step did. {@code errors} name the invoices the engine refused, with why. */
    public record Report(LocalDate decidedFor, int considered, int recorded, int unchanged, int plannedActions,
                         int stale, List<String> errors, boolean full) {
        public Report {
            errors = List.copyOf(errors);
        }
    }

    /**
     * @throws CycleFailure when the organisation's policy is not loaded or it may not be decided now
     */
    public Report decide(Organisation organisation, Instant now) {
        DeliveryMode delivery = switch (organisation.mode()) {
            case LIVE -> DeliveryMode.DISPATCH;
            case PREVIEW -> DeliveryMode.PREVIEW_ONLY;
            case PAUSED, NEEDS_RECONNECT -> throw new CycleFailure("the organisation is " + organisation.mode()
                    + ": nothing is decided");
        };
        // The policies saved by now, one set for the whole step: a policy saved during it applies from the next one.
        EffectivePolicies inForce = effectivePolicies.inForce();
        // The organisation's policy id is the base of its invoices' effective policies (unless an
        // organisation override file names another with 'extends'); it must be loaded.
        Policy base = policies.find(organisation.policyId()).orElseThrow(() -> new CycleFailure(
                "policy '" + organisation.policyId() + "' is not loaded; loaded: "
                        + policies.all().stream().map(Policy::id).toList()));
        LocalDate today = OrganisationDay.today(now, organisation.timeZone());
        // Every open invoice once a day and under a new basis (policy files, policy id, zone, mode);
        // otherwise only those whose decision can differ today (InvoicesToDecide): the others would
        // decide exactly as stored, which the property test DecideOnlyDueProperties shows.
        String basis = basis(organisation, inForce);
        boolean full = toDecide.lastFull(organisation.id())
                .map(last -> !last.on().equals(today) || !last.basis().equals(basis)).orElse(true);
        List<ToDecide> candidates = full ? toDecide.all(organisation.id()) : toDecide.due(organisation.id(), today);
        if (candidates.isEmpty()) {
            // A quiet cycle: nothing else to read (connection, collections facts), nothing to decide.
            if (full) {
                toDecide.fullDecided(organisation.id(), new FullDecide(today, basis));
            }
            return new Report(today, 0, 0, 0, 0, 0, List.of(), full);
        }
        OrganisationKey key = OrganisationKey.of(organisation, connections);
        // What a document lists (the customer's other invoices and their stages) is every open invoice:
        // read only if a document is to be produced in a cycle that did not read them all anyway.
        Everything everything = new Everything(organisation, full ? Optional.of(candidates) : Optional.empty());
        // Holds, disputes, promises, plans and the limitation period: read once, the engine picks each invoice's own.
        CollectionsContext context = collections.contextFor(organisation.id());

        Tally tally = new Tally();
        List<String> errors = new ArrayList<>();
        Chunk chunk = new Chunk();
        // Escalation documents are produced when their stage's actions go out, i.e. for a live
        // organisation: a previewed one stores none (they were most of a first cycle's time, for
        // letters nobody sends); an accountant renders one on request instead (StageDocumentPreview).
        // Read once, not looked up per invoice: most invoices in a documented stage already have theirs.
        Set<String> keptDocuments = delivery == DeliveryMode.DISPATCH ? documents.kept(organisation.id()) : Set.of();
        // The late fees a document lists are read once per chunk, after the chunk's decisions (and fees) are stored.
        Consumer<List<Decided>> documentsOf = delivery != DeliveryMode.DISPATCH ? decided -> { } : decided -> {
            StageDocuments.Known known = documents.known(organisation.id(), keptDocuments, delivery);
            List<StoredDocument> produced = new ArrayList<>();
            decided.forEach(d -> documentOfStage(organisation, d, today, now, delivery, everything, context, known)
                    .ifPresent(result -> result.ifPresentOrElse(errors::add, produced::add)));
            keep(produced).forEach(errors::add);
        };
        Map<String, EffectivePolicy> byCustomer = new java.util.HashMap<>();
        for (ToDecide candidate : candidates) {
            InvoiceSnapshot invoice = candidate.invoice();
            InvoiceRef ref = InvoiceRef.of(invoice);
            Optional<StoredDunningState> before = candidate.state();
            if (invoice.isSettled()) {
                outbox.cancelPendingFor(ref, "the invoice is settled in the ledger");
            }
            Policy policy = base;
            EffectivePolicy effective;
            Decision decision;
            try {
                // Firm default (or the organisation's own policy) -> organisation override -> customer.
                // The customer group is not mirrored from the ledgers yet, so group overrides do not apply.
                // Resolved once per customer of the step, not once per invoice.
                effective = byCustomer.get(invoice.customerId());
                if (effective == null) {
                    effective = inForce.resolve(key, organisation.policyId(), invoice.customerId(), Optional.empty());
                    rememberVersion(effective, inForce);
                    byCustomer.put(invoice.customerId(), effective);
                }
                policy = effective.policy();
                decision = engine.decide(invoice, before.map(StoredDunningState::state).orElse(DunningState.initial()),
                        policy, today, context);
            } catch (RuntimeException e) {
                // Bad data in one invoice is contained: said in the audit trail, the others carry on.
                errors.add(invoice.invoiceId() + ": " + e.getMessage());
                audit.append(AuditEvent.forInvoice(ref, AuditKind.DECISION, Optional.empty(),
                        Optional.of(policy.version()), Map.of("error", String.valueOf(e.getMessage())),
                        "The invoice could not be decided and is left alone until it is fixed: " + e.getMessage()));
                continue;
            }
            chunk.decided.add(new Decided(candidate, decision, effective));
            if (before.isPresent() && decision.plansNothing() && decision.newState().equals(before.get().state())) {
                tally.unchanged++;
            } else {
                chunk.toRecord.add(new DecisionToRecord(ref, StoredDunningState.versionOf(before), decision,
                        policy.version(), today, delivery));
            }
            if (chunk.toRecord.size() == CHUNK) {
                documentsOf.accept(decided(organisation, record(chunk, tally)));
                chunk = new Chunk();
            }
        }
        documentsOf.accept(decided(organisation, record(chunk, tally)));
        if (full) {
            toDecide.fullDecided(organisation.id(), new FullDecide(today, basis));
        }
        return new Report(today, candidates.size(), tally.recorded, tally.unchanged, tally.planned, tally.stale, errors, full);
    }

    /** The basis of a full decide: a decision made under another one may differ for any invoice. */
    private static String basis(Organisation organisation, EffectivePolicies inForce) {
        return String.join("|", inForce.fingerprint(), organisation.policyId(), organisation.timeZone().getId(),
                organisation.mode().name());
    }

    /** The chunk's invoices are decided (their decision stands): what changed them is dealt with. */
    private List<Decided> decided(Organisation organisation, List<Decided> standing) {
        // Only those with a reason have one to clear (a first decide's invoices have none: they had no state).
        toDecide.decided(organisation.id(), standing.stream().map(Decided::candidate).filter(c -> c.reason().isPresent()).toList());
        return standing;
    }

    /** Every open invoice and stored state of the organisation, read at most once per decide step. */
    private final class Everything {
        private final Organisation organisation;
        private Optional<List<ToDecide>> all;
        private List<InvoiceSnapshot> open;
        private Map<String, StoredDunningState> states;

        Everything(Organisation organisation, Optional<List<ToDecide>> all) {
            this.organisation = organisation;
            this.all = all;
        }

        List<InvoiceSnapshot> open() {
            read();
            return open;
        }

        Map<String, StoredDunningState> states() {
            read();
            return states;
        }

        private void read() {
            if (open != null) {
                return;
            }
            List<ToDecide> rows = all.orElseGet(() -> toDecide.all(organisation.id()));
            all = Optional.of(rows);
            open = rows.stream().map(ToDecide::invoice)
                    .filter(i -> i.status() == dev.arrears.domain.invoice.InvoiceStatus.OPEN).toList();
            states = new java.util.HashMap<>();
            rows.forEach(r -> r.state().ifPresent(state -> states.put(r.invoice().invoiceId(), state)));
        }
    }

    /** An invoice decided (changed or not), waiting for its chunk to be stored before its document is asked for. */
    private record Decided(ToDecide candidate, Decision decision, EffectivePolicy effective) {
        InvoiceSnapshot invoice() {
            return candidate.invoice();
        }
    }

    /** The decisions of one chunk: the changed ones to store, and every decided invoice of the chunk. */
    private static final class Chunk {
        final List<DecisionToRecord> toRecord = new ArrayList<>();
        final List<Decided> decided = new ArrayList<>();
    }

    private static final class Tally {
        int recorded;
        int unchanged;
        int planned;
        int stale;
    }

    /**
     * Stores the chunk's changed decisions in one call.
     *
     * @return the decided invoices whose decision stands: all but the stale ones
     */
    private List<Decided> record(Chunk chunk, Tally tally) {
        if (chunk.toRecord.isEmpty()) {
            return chunk.decided;
        }
        RecordedDecisions result = recorder.recordAll(chunk.toRecord);
        tally.recorded += result.recorded().size();
        tally.planned += result.recorded().stream().mapToInt(r -> r.actions().added().size()).sum();
        // Someone decided in between (a replica that lost its lease): the next cycle decides from fresh.
        tally.stale += result.stale().size();
        Set<InvoiceRef> stale = Set.copyOf(result.stale());
        return chunk.decided.stream().filter(d -> !stale.contains(InvoiceRef.of(d.invoice()))).toList();
    }

    /**
     * The document of the stage the invoice is in (the effective policy's {@code document:}), kept once
     * per invoice and stage. Asked after every decision, changed or not, so a document missing after a
     * crash is produced by the next decide. A failure is said in the audit trail and does not undo the
     * decision; the next decide tries again.
     *
     * @return the document produced (to be kept with the chunk's others), or the error; empty when the
     *         stage has no document or it is kept already
     */
    private Optional<Produced> documentOfStage(Organisation organisation, Decided decided, LocalDate today, Instant now,
                                               DeliveryMode delivery, Everything everything, CollectionsContext context,
                                               StageDocuments.Known known) {
        InvoiceSnapshot invoice = decided.invoice();
        EffectivePolicy effective = decided.effective();
        Decision decision = decided.decision();
        Optional<String> stage = decision.newState().stage();
        if (invoice.isSettled() || stage.isEmpty() || effective.documentOf(stage.get()).isEmpty()) {
            return Optional.empty();
        }
        try {
            return documents.produce(new StageDocuments.Trigger(organisation, invoice, stage.get(),
                            effective.documentOf(stage.get()).get(), effective.policy(), today, now, delivery,
                            everything::open, everything::states, context, known))
                    .map(Produced::of);
        } catch (RuntimeException e) {
            return Optional.of(Produced.failed(notProduced(InvoiceRef.of(invoice), effective.policy().version(), stage.get(), e)));
        }
    }

    /** A document produced, or why it could not be. */
    private record Produced(Optional<StoredDocument> document, Optional<String> error) {
        static Produced of(StoredDocument document) {
            return new Produced(Optional.of(document), Optional.empty());
        }

        static Produced failed(String error) {
            return new Produced(Optional.empty(), Optional.of(error));
        }

        void ifPresentOrElse(Consumer<String> onError, Consumer<StoredDocument> onDocument) {
            error.ifPresentOrElse(onError, () -> document.ifPresent(onDocument));
        }
    }

    /** Keeps a chunk's documents together; @return the errors, one per document, if they could not be kept */
    private List<String> keep(List<StoredDocument> produced) {
        try {
            documents.keep(produced);
            return List.of();
        } catch (RuntimeException e) {
            return produced.stream().map(d -> notProduced(new InvoiceRef(d.organisationId(), d.invoiceId()),
                    d.policyVersion(), d.stage(), e)).toList();
        }
    }

    /** Says in the audit trail that a stage's document could not be produced; @return the error for the report */
    private String notProduced(InvoiceRef invoice, String policyVersion, String stage, RuntimeException e) {
        audit.append(AuditEvent.forInvoice(invoice, AuditKind.DOCUMENT_PRODUCED, Optional.empty(),
                Optional.of(policyVersion), Map.of("error", String.valueOf(e.getMessage()), "stage", stage),
                "The document of stage '" + stage + "' could not be produced; the next decide tries again: "
                        + e.getMessage()));
        return invoice.providerInvoiceId() + ": document of stage '" + stage + "': " + e.getMessage();
    }

    /** Keeps the exact text of a policy version the first time it is decided under, so the audit's version can be traced. */
    private void rememberVersion(EffectivePolicy effective, EffectivePolicies inForce) {
        Policy policy = effective.policy();
        String id = policy.id().length() > 100 ? policy.id().substring(0, 100) : policy.id();
        if (versionsRecorded.contains(id + "@" + policy.version())) {
            return;
        }
        versions.record(new PolicyVersionRecord(id, policy.version(), String.join(", ", effective.files()),
                inForce.textOf(effective)));
        versionsRecorded.add(id + "@" + policy.version());
    }

    /** Whether an organisation in this mode is decided at all. */
    public static boolean decides(OrganisationMode mode) {
        return mode == OrganisationMode.LIVE || mode == OrganisationMode.PREVIEW;
    }
}
