package dev.arrears.application.cycle;

import dev.arrears.application.ConnectionStore;
import dev.arrears.application.DeliveryMode;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.InvoicesToDecide;
import dev.arrears.application.InvoicesToDecide.ToDecide;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationKey;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.StoredDunningState;
import dev.arrears.application.UnknownInvoiceException;
import dev.arrears.application.UnknownOrganisationException;
import dev.arrears.application.collections.CollectionsStore;
import dev.arrears.application.escalation.DocumentKind;
import dev.arrears.application.escalation.StoredDocument;
import dev.arrears.application.policy.EffectivePolicies;
import dev.arrears.application.policy.EffectivePolicy;
import dev.arrears.domain.calendar.OrganisationDay;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Use case: the escalation document an invoice's stage would produce, rendered now and not kept.
 * A previewed organisation's decide step stores no documents (nobody sends them); an accountant who
 * wants to see the demand letter or case file of a previewed invoice asks for it here, from the
 * admin API or the console's invoice page. The same {@link StageDocuments#produce} the live decide
 * step uses, on the invoice's stored stage and the organisation's effective policy; nothing is
 * written, not even an audit event (nothing happened to the invoice).
 */
public final class StageDocumentPreview {

    /** What a request for the stage's document gets. */
    public sealed interface Rendering {
        /** The document as the stage would produce it today. */
        record Document(DocumentKind kind, String stage, String customerId, String policyVersion, String text,
                        Optional<String> json) implements Rendering {
        }

        /** Why there is nothing to render (the invoice is in no stage, or its stage names no document). */
        record Nothing(String why) implements Rendering {
        }
    }

    private final OrganisationStore organisations;
    private final InvoicesToDecide invoices;
    private final EffectivePolicies policies;
    private final ConnectionStore connections;
    private final CollectionsStore collections;
    private final StageDocuments documents;
    private final Clock clock;

    public StageDocumentPreview(OrganisationStore organisations, InvoicesToDecide invoices, EffectivePolicies policies,
                                ConnectionStore connections, CollectionsStore collections, StageDocuments documents,
                                Clock clock) {
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.invoices = Objects.requireNonNull(invoices, "invoices");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.collections = Objects.requireNonNull(collections, "collections");
        this.documents = Objects.requireNonNull(documents, "documents");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws UnknownOrganisationException when there is no such organisation
     * @throws UnknownInvoiceException      when the organisation has no such invoice in play (open, or settled but still in dunning)
     * @throws IllegalArgumentException     when the policy names a document this build does not know
     */
    public Rendering render(InvoiceRef ref) {
        OrganisationId id = ref.organisationId();
        Organisation organisation = organisations.find(id).orElseThrow(() -> new UnknownOrganisationException(id));
        // What a document lists is the customer's other open invoices and their stages: every invoice in play.
        List<ToDecide> all = invoices.all(id);
        ToDecide row = all.stream().filter(r -> r.invoice().invoiceId().equals(ref.providerInvoiceId())).findFirst()
                .orElseThrow(() -> new UnknownInvoiceException(ref));
        InvoiceSnapshot invoice = row.invoice();
        if (invoice.isSettled()) {
            return new Rendering.Nothing("Invoice " + invoice.number() + " is settled: its stage produces no document any more.");
        }
        Optional<String> stage = row.state().flatMap(s -> s.state().stage());
        if (stage.isEmpty()) {
            return new Rendering.Nothing("Invoice " + invoice.number() + " is in no stage yet, so no stage document applies.");
        }
        OrganisationKey key = OrganisationKey.of(organisation, connections);
        EffectivePolicy effective = policies.inForce().resolve(key, organisation.policyId(), invoice.customerId(), Optional.empty());
        Optional<String> documentName = effective.documentOf(stage.get());
        if (documentName.isEmpty()) {
            return new Rendering.Nothing("Stage '" + stage.get() + "' of invoice " + invoice.number()
                    + " names no document in policy " + effective.policy().version() + ".");
        }
        Instant now = clock.instant();
        LocalDate today = OrganisationDay.today(now, organisation.timeZone());
        // Fees previewed count as charged for a previewed organisation, as its decide step sees them.
        DeliveryMode delivery = organisation.mode() == OrganisationMode.LIVE ? DeliveryMode.DISPATCH : DeliveryMode.PREVIEW_ONLY;
        List<InvoiceSnapshot> open = all.stream().map(ToDecide::invoice).filter(i -> i.status() == InvoiceStatus.OPEN).toList();
        Map<String, StoredDunningState> states = new HashMap<>();
        all.forEach(r -> r.state().ifPresent(s -> states.put(r.invoice().invoiceId(), s)));
        // No kept document is looked up: this renders whether or not one was kept, and keeps none.
        StoredDocument document = documents.produce(new StageDocuments.Trigger(organisation, invoice, stage.get(),
                documentName.get(), effective.policy(), today, now, delivery, () -> open, () -> states,
                collections.contextFor(id), documents.known(id, Set.of(), delivery))).orElseThrow();
        return new Rendering.Document(document.kind(), document.stage(), document.customerId(), document.policyVersion(),
                document.text(), document.json());
    }
}
