package dev.arrears.application.cycle;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.DeliveryMode;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.Outbox;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.StoredDunningState;
import dev.arrears.application.collections.ContactLog;
import dev.arrears.application.escalation.CaseFileRequest;
import dev.arrears.application.escalation.DemandLetterRequest;
import dev.arrears.application.escalation.DocumentKind;
import dev.arrears.application.escalation.DocumentStore;
import dev.arrears.application.escalation.EscalationDocuments;
import dev.arrears.application.escalation.FeeCharged;
import dev.arrears.application.escalation.HandOff;
import dev.arrears.application.escalation.RecordedContact;
import dev.arrears.application.escalation.RenderedDemandLetter;
import dev.arrears.application.escalation.StoredDocument;
import dev.arrears.domain.collections.CollectionsContext;
import dev.arrears.domain.contact.ContactOrigin;
import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.policy.ActionSpec;
import dev.arrears.domain.policy.Policy;
import dev.arrears.domain.policy.Stage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The document of a stage ({@code document:} in the effective policy), produced once an invoice is
 * in that stage and kept with {@link DocumentStore}: the final notice's demand letter (in the
 * invoice's currency) or the hand-off's case file, for the invoice's customer.
 *
 * <p>Called by the decide step of a live organisation (a previewed one sends nothing, so it stores
 * no documents) right after the decision is stored ({@link #produce}, then {@link #keep} for a chunk
 * of decisions at a time), and again on every later decide of the invoice while it is still in that
 * stage (at the latest the next day's full decide): the document is keyed by organisation, invoice, stage
 * and kind ({@link StoredDocument#triggerKey}), so it is produced once, and a crash between the
 * decision and the document is made good by the next decide.
 */
public final class StageDocuments {

    /** The demand letter's deadline: this many days after the letter's date. */
    public static final int DAYS_TO_PAY = 7;

    private static final Set<OutboxStatus> CHARGED_LIVE = EnumSet.of(OutboxStatus.PENDING, OutboxStatus.CLAIMED,
            OutboxStatus.DONE, OutboxStatus.NEEDS_HUMAN);

    private final EscalationDocuments documents;
    private final DocumentStore store;
    private final Outbox outbox;
    private final ContactLog contacts;
    private final AuditTrail audit;

    public StageDocuments(EscalationDocuments documents, DocumentStore store, Outbox outbox, ContactLog contacts,
                          AuditTrail audit) {
        this.documents = Objects.requireNonNull(documents, "documents");
        this.store = Objects.requireNonNull(store, "store");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /**
     * What the decide step knows when it asks for a stage's document.
     *
     * @param openInvoices the organisation's open invoices, read only when a document is produced
     * @param states       their stored states, likewise
     * @param known        what the step read once for all its documents ({@link #known})
     */
    public record Trigger(Organisation organisation, InvoiceSnapshot invoice, String stage, String documentName,
                          Policy policy, LocalDate today, Instant now, DeliveryMode delivery,
                          Supplier<List<InvoiceSnapshot>> openInvoices, Supplier<Map<String, StoredDunningState>> states,
                          CollectionsContext collections, Known known) {
    }

    /**
     * What the decide step reads once for many documents instead of once per document.
     *
     * @param keptTriggerKeys the organisation's kept documents, read when the step began: a document
     *                        kept since (by another replica) is caught by
     *                        {@link DocumentStore#storeAllIfAbsent}, not stored twice
     * @param lateFees        the organisation's late fees charged (planned to go or gone; in preview,
     *                        previewed ones too), read after the decisions they follow were stored
     */
    public record Known(Set<String> keptTriggerKeys, List<OutboxEntry> lateFees) {
    }

    /** The trigger keys of the documents already kept for the organisation. */
    public Set<String> kept(OrganisationId organisationId) {
        return store.triggerKeys(organisationId);
    }

    /** The documents kept and the late fees charged, for the documents of decisions stored by now. */
    public Known known(OrganisationId organisationId, Set<String> keptTriggerKeys, DeliveryMode delivery) {
        Set<OutboxStatus> statuses = EnumSet.copyOf(CHARGED_LIVE);
        if (delivery == DeliveryMode.PREVIEW_ONLY) {
            statuses.add(OutboxStatus.PREVIEWED);
        }
        return new Known(keptTriggerKeys, outbox.lateFees(organisationId, statuses));
    }

    /**
     * Produces the stage's document unless it already is kept; it is stored by {@link #keep}, with
     * the other documents of the same chunk of decisions.
     *
     * @return the document produced; empty when it was already kept
     * @throws IllegalArgumentException when the policy names a document this build does not know
     */
    public Optional<StoredDocument> produce(Trigger trigger) {
        DocumentKind kind = DocumentKind.fromPolicy(trigger.documentName()).orElseThrow(() -> new IllegalArgumentException(
                "stage '" + trigger.stage() + "' names document '" + trigger.documentName() + "'; expected demand-letter or case-file"));
        InvoiceRef ref = InvoiceRef.of(trigger.invoice());
        String key = StoredDocument.triggerKey(ref.organisationId(), ref.providerInvoiceId(), trigger.stage(), kind);
        if (trigger.known().keptTriggerKeys().contains(key)) {
            return Optional.empty();
        }
        String customerId = trigger.invoice().customerId();
        List<InvoiceSnapshot> customerInvoices = new ArrayList<>(trigger.openInvoices().get().stream()
                .filter(i -> i.customerId().equals(customerId) && !i.isSettled()).toList());
        if (customerInvoices.stream().noneMatch(i -> i.invoiceId().equals(ref.providerInvoiceId()))) {
            customerInvoices.add(trigger.invoice());
        }
        List<FeeCharged> fees = feesCharged(trigger.known(), customerInvoices);
        String text;
        Optional<String> json;
        switch (kind) {
            case DEMAND_LETTER -> {
                List<InvoiceSnapshot> sameCurrency = customerInvoices.stream()
                        .filter(i -> i.currency().equals(trigger.invoice().currency())).toList();
                RenderedDemandLetter letter = documents.demandLetters(new DemandLetterRequest(
                                trigger.organisation().displayName(), sameCurrency, fees, trigger.today(), DAYS_TO_PAY,
                                nextSteps(trigger.policy(), trigger.stage()))).stream()
                        .findFirst().orElseThrow(() -> new IllegalStateException("nothing is owed by customer " + customerId));
                text = letter.text();
                json = Optional.empty();
            }
            case CASE_FILE -> {
                Map<String, String> stages = trigger.states().get().entrySet().stream()
                        .filter(e -> e.getValue().state().stage().isPresent())
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().state().stage().orElseThrow()));
                Map<String, String> withThis = new java.util.HashMap<>(stages);
                withThis.put(ref.providerInvoiceId(), trigger.stage());
                HandOff handOff = documents.handOff(new CaseFileRequest(trigger.organisation().displayName(),
                        trigger.organisation().timeZone(), trigger.today(), reason(trigger.policy(), trigger.stage()),
                        customerInvoices, withThis, fees, contactsOf(trigger, customerId),
                        trigger.collections().promises(), trigger.collections().disputes(), trigger.collections().plans()));
                text = handOff.text();
                json = Optional.of(handOff.json());
            }
            default -> throw new IllegalStateException("unknown document kind " + kind);
        }
        StoredDocument document = new StoredDocument(UUID.randomUUID(), ref.organisationId(), customerId,
                ref.providerInvoiceId(), kind, trigger.stage(), key, trigger.now(), text, json, trigger.policy().version());
        return Optional.of(document);
    }

    /**
     * Stores the documents produced, in one transaction, each unless a document of its trigger key
     * is kept by now (another replica got there first), and says in the audit trail which were
     * produced. One call per chunk of decisions, not two transactions per document.
     *
     * @return the documents stored
     */
    public List<StoredDocument> keep(List<StoredDocument> produced) {
        if (produced.isEmpty()) {
            return List.of();
        }
        Set<String> stored = store.storeAllIfAbsent(produced);
        List<StoredDocument> kept = produced.stream().filter(d -> stored.contains(d.triggerKey())).toList();
        audit.appendAll(kept.stream().map(StageDocuments::produced).toList());
        return kept;
    }

    private static AuditEvent produced(StoredDocument document) {
        return new AuditEvent(document.organisationId(), Optional.of(document.invoiceId()), Optional.of(document.customerId()),
                AuditKind.DOCUMENT_PRODUCED, Optional.empty(), Optional.of(document.policyVersion()),
                Map.of("documentId", document.id().toString(), "kind", document.kind().policyName(), "stage", document.stage()),
                "The " + document.kind().policyName().replace('-', ' ') + " of stage '" + document.stage()
                        + "' was produced for customer " + document.customerId() + " (document " + document.id() + ").");
    }

    /** Fees and interest charged on the customer's invoices: planned to go or gone (in preview, previewed ones too). */
    private static List<FeeCharged> feesCharged(Known known, List<InvoiceSnapshot> invoices) {
        Set<String> ids = invoices.stream().map(InvoiceSnapshot::invoiceId).collect(Collectors.toSet());
        List<FeeCharged> fees = new ArrayList<>();
        for (OutboxEntry entry : known.lateFees()) {
            if (entry.action() instanceof PlannedAction.ChargeLateFee fee && ids.contains(entry.invoice().providerInvoiceId())) {
                fees.add(new FeeCharged(entry.invoice().providerInvoiceId(), fee.fee()));
            }
        }
        return fees;
    }

    private List<RecordedContact> contactsOf(Trigger trigger, String customerId) {
        return contacts.forCustomer(trigger.organisation().id(), customerId).stream()
                .map(c -> new RecordedContact(c, invoiceOf(c.actionKey()).stream().toList(),
                        c.origin() == ContactOrigin.AUTOMATIC
                                ? "reminder sent by Arrears" + c.actionKey().map(k -> " (" + k.value() + ")").orElse("")
                                : "recorded by a person (" + c.channel().name().toLowerCase(Locale.ROOT) + ")",
                        Optional.empty()))
                .toList();
    }

    /** Action keys read {@code org:invoice:...} (see {@link ActionKey}); a plan's keys name no invoice. */
    private static Optional<String> invoiceOf(Optional<ActionKey> key) {
        return key.map(ActionKey::value).map(v -> v.split(":")).filter(parts -> parts.length > 2 && !parts[1].equals("plan"))
                .map(parts -> parts[1]);
    }

    private static String reason(Policy policy, String stageName) {
        return policy.stage(stageName).flatMap(stage -> stage.actions().stream()
                        .filter(a -> a instanceof ActionSpec.FlagForPerson).map(a -> ((ActionSpec.FlagForPerson) a).reason())
                        .findFirst())
                .orElse("the invoice reached stage '" + stageName + "'");
    }

    /** Only what Arrears will do: the policy's next stage, if there is one. */
    private static String nextSteps(Policy policy, String stageName) {
        List<Stage> stages = policy.stages();
        for (int i = 0; i < stages.size() - 1; i++) {
            if (stages.get(i).name().equals(stageName)) {
                return "If it is not paid by then, the next step of our credit control procedure follows: "
                        + stages.get(i + 1).name().toLowerCase(Locale.ROOT) + ".";
            }
        }
        return "If it is not paid by then, we will decide on the next step without further notice.";
    }
}
