package dev.arrears.web.admin.collections;

import static dev.arrears.web.admin.collections.RequestChecks.by;
import static dev.arrears.web.admin.collections.RequestChecks.day;
import static dev.arrears.web.admin.collections.RequestChecks.error;
import static dev.arrears.web.admin.collections.RequestChecks.instant;
import static dev.arrears.web.admin.collections.RequestChecks.require;
import static dev.arrears.web.admin.collections.RequestChecks.required;

import dev.arrears.application.InvoiceNames;
import dev.arrears.application.Organisation;
import dev.arrears.application.UnknownOrganisationException;
import dev.arrears.application.collections.CollectionsStore;
import dev.arrears.application.collections.ContactLog;
import dev.arrears.application.collections.UnknownCollectionsFactException;
import dev.arrears.domain.collections.Dispute;
import dev.arrears.domain.collections.DisputeOutcome;
import dev.arrears.domain.collections.DisputeResolution;
import dev.arrears.domain.collections.Instalment;
import dev.arrears.domain.collections.PaymentPlan;
import dev.arrears.domain.collections.PaymentPlanTerms;
import dev.arrears.domain.collections.PromiseToPay;
import dev.arrears.domain.contact.ContactChannel;
import dev.arrears.domain.contact.ContactRecord;
import dev.arrears.domain.money.Money;
import dev.arrears.domain.policy.PolicyOptions;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Holds, disputes, promises to pay, payment plans, contacts and the limitation period, under the
 * operator token like every {@code /admin} path. "Today" is the organisation's day in its own zone.
 * The engine takes the facts into account at its next decision for the invoice (and cancels pending
 * reminders and fees of an invoice that a new fact pauses).
 */
@Path("/admin/collections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CollectionsResource {

    /** More invoices or instalments than this in one plan is a mistake, not a plan. */
    private static final int MAX_LIST = 120;

    private final CollectionsStore store;
    private final ContactLog contacts;
    private final CollectionsLookup lookup;
    private final InvoiceNames names;

    public CollectionsResource(CollectionsStore store, ContactLog contacts, CollectionsLookup lookup, InvoiceNames names) {
        this.store = store;
        this.contacts = contacts;
        this.lookup = lookup;
        this.names = names;
    }

    private Naming naming(Organisation organisation) {
        return new Naming(organisation.id(), names);
    }

    // ---- disputes and promises ------------------------------------------------------------------

    @POST
    @Path("/invoices/{org}/{invoiceId}/dispute")
    public Response raiseDispute(@PathParam("org") String org, @PathParam("invoiceId") String invoiceId,
                                 CollectionsRequests.NewDispute body) {
        Organisation organisation = lookup.organisation(org);
        require(body != null && body.reason() != null && !body.reason().isBlank(), "reason is required");
        Dispute dispute = store.raiseDispute(organisation.id(), invoiceId, body.reason(), by(body.raisedBy()), lookup.today(organisation));
        return Response.status(Response.Status.CREATED).entity(DisputeView.of(dispute, naming(organisation))).build();
    }

    /** Resolves the open dispute; the body says how. */
    @DELETE
    @Path("/invoices/{org}/{invoiceId}/dispute")
    public DisputeView resolveDispute(@PathParam("org") String org, @PathParam("invoiceId") String invoiceId,
                                      CollectionsRequests.Resolution body) {
        Organisation organisation = lookup.organisation(org);
        require(body != null && body.outcome() != null, "outcome is required: upheld, rejected, partly_upheld or withdrawn");
        DisputeOutcome outcome;
        try {
            outcome = DisputeOutcome.valueOf(body.outcome().trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("outcome '" + body.outcome() + "': expected upheld, rejected, partly_upheld or withdrawn");
        }
        return DisputeView.of(store.resolveDispute(organisation.id(), invoiceId, new DisputeResolution(lookup.today(organisation), outcome,
                Optional.ofNullable(body.note()).orElse(""), by(body.resolvedBy()))), naming(organisation));
    }

    @POST
    @Path("/invoices/{org}/{invoiceId}/promise")
    public Response promise(@PathParam("org") String org, @PathParam("invoiceId") String invoiceId, CollectionsRequests.NewPromise body) {
        Organisation organisation = lookup.organisation(org);
        require(body != null, "payBy is required");
        LocalDate today = lookup.today(organisation);
        LocalDate payBy = day(body.payBy(), "payBy", today);
        require((body.amount() == null) == (body.currency() == null), "amount and currency go together");
        Optional<Money> amount = Optional.ofNullable(body.amount()).map(a -> Money.of(a, Money.currency(body.currency())));
        PromiseToPay promise = store.recordPromise(organisation.id(), invoiceId, required(body.customerId(), "customerId"),
                today, payBy, amount, by(body.recordedBy()));
        return Response.status(Response.Status.CREATED).entity(PromiseView.of(promise, naming(organisation))).build();
    }

    @DELETE
    @Path("/invoices/{org}/{invoiceId}/promise/{promiseId}")
    public PromiseView withdrawPromise(@PathParam("org") String org, @PathParam("invoiceId") String invoiceId,
                                       @PathParam("promiseId") String promiseId) {
        Organisation organisation = lookup.organisation(org);
        return PromiseView.of(store.withdrawPromise(organisation.id(), promiseId, lookup.today(organisation)), naming(organisation));
    }

    // ---- payment plans and contacts -------------------------------------------------------------

    @POST
    @Path("/customers/{org}/{customerId}/plans")
    public Response agreePlan(@PathParam("org") String org, @PathParam("customerId") String customerId, CollectionsRequests.NewPlan body) {
        Organisation organisation = lookup.organisation(org);
        require(body != null && body.instalments() != null && body.invoiceIds() != null, "invoiceIds and instalments are required");
        require(!body.invoiceIds().isEmpty() && body.invoiceIds().size() <= MAX_LIST, "invoiceIds must list 1 to " + MAX_LIST + " invoices");
        require(!body.instalments().isEmpty() && body.instalments().size() <= MAX_LIST, "instalments must list 1 to " + MAX_LIST + " instalments");
        for (int i = 0; i < body.invoiceIds().size(); i++) {
            require(body.invoiceIds().get(i) != null && !body.invoiceIds().get(i).isBlank(), "invoiceIds[" + i + "] is required");
        }
        var currency = Money.currency(required(body.currency(), "currency"));
        LocalDate today = lookup.today(organisation);
        List<Instalment> instalments = new ArrayList<>();
        for (int i = 0; i < body.instalments().size(); i++) {
            var instalment = body.instalments().get(i);
            String field = "instalments[" + i + "]";
            require(instalment != null && instalment.amount() != null, field + ".amount is required");
            instalments.add(new Instalment(i + 1, day(instalment.dueOn(), field + ".dueOn", today), Money.of(instalment.amount(), currency)));
        }
        PaymentPlan plan = store.agreePlan(organisation.id(), customerId, body.invoiceIds(), today, instalments,
                by(body.agreedBy()));
        return Response.status(Response.Status.CREATED).entity(PlanView.of(plan, naming(organisation))).build();
    }

    @GET
    @Path("/customers/{org}/{customerId}/plans")
    public List<PlanView> plans(@PathParam("org") String org, @PathParam("customerId") String customerId) {
        Organisation organisation = lookup.organisation(org);
        Naming naming = naming(organisation);
        return store.plans(organisation.id(), customerId).stream().map(p -> PlanView.of(p, naming)).toList();
    }

    @DELETE
    @Path("/customers/{org}/{customerId}/plans/{planId}")
    public PlanView endPlan(@PathParam("org") String org, @PathParam("customerId") String customerId,
                            @PathParam("planId") String planId, CollectionsRequests.EndPlan body) {
        Organisation organisation = lookup.organisation(org);
        String reason = body == null || body.reason() == null ? "ended by the operator" : body.reason();
        return PlanView.of(store.endPlan(organisation.id(), planId, lookup.today(organisation), by(body == null ? null : body.endedBy()), reason),
                naming(organisation));
    }

    /** The agreed terms as text to send to the customer (default reminder options; the policy's own are used by the daemon). */
    @GET
    @Path("/customers/{org}/{customerId}/plans/{planId}/terms")
    @Produces(MediaType.TEXT_PLAIN)
    public String terms(@PathParam("org") String org, @PathParam("customerId") String customerId, @PathParam("planId") String planId) {
        PaymentPlan plan = store.plan(lookup.organisation(org).id(), planId)
                .filter(p -> p.customerId().equals(customerId))
                .orElseThrow(() -> new UnknownCollectionsFactException("customer " + customerId + " has no payment plan " + planId));
        return PaymentPlanTerms.render(plan, customerId, Map.of(), PolicyOptions.DEFAULTS);
    }

    @POST
    @Path("/customers/{org}/{customerId}/contacts")
    public Response recordContact(@PathParam("org") String org, @PathParam("customerId") String customerId,
                                  CollectionsRequests.NewContact body) {
        Organisation organisation = lookup.organisation(org);
        require(body != null && body.channel() != null, "channel is required: email, phone, letter, in_person or other");
        ContactChannel channel;
        try {
            channel = ContactChannel.valueOf(body.channel().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("channel '" + body.channel() + "': expected email, phone, letter, in_person or other");
        }
        Instant at = body.at() == null ? lookup.now() : instant(body.at(), "at", lookup.today(organisation));
        ContactRecord contact = ContactRecord.manual(customerId, at, channel);
        contacts.record(organisation.id(), contact, Optional.ofNullable(body.invoiceId()), Optional.ofNullable(body.note()),
                by(body.recordedBy()));
        return Response.status(Response.Status.CREATED).entity(ContactView.of(contact, naming(organisation))).build();
    }

    @GET
    @Path("/customers/{org}/{customerId}/contacts")
    public List<ContactView> contacts(@PathParam("org") String org, @PathParam("customerId") String customerId) {
        Organisation organisation = lookup.organisation(org);
        Naming naming = naming(organisation);
        return contacts.forCustomer(organisation.id(), customerId).stream().map(c -> ContactView.of(c, naming)).toList();
    }

    // ---- errors ---------------------------------------------------------------------------------

    @ServerExceptionMapper
    public Response unknown(UnknownCollectionsFactException e) {
        return error(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unknownOrganisation(UnknownOrganisationException e) {
        return error(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalid(IllegalArgumentException e) {
        return error(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response conflict(IllegalStateException e) {
        return error(Response.Status.CONFLICT, e.getMessage());
    }

}
