package dev.arrears.web.admin.collections;

import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.UnknownOrganisationException;
import dev.arrears.application.collections.CollectionsStore;
import dev.arrears.application.collections.ContactLog;
import dev.arrears.application.collections.UnknownCollectionsFactException;
import dev.arrears.domain.calendar.OrganisationDay;
import dev.arrears.domain.collections.Dispute;
import dev.arrears.domain.collections.DisputeOutcome;
import dev.arrears.domain.collections.DisputeResolution;
import dev.arrears.domain.collections.Hold;
import dev.arrears.domain.collections.HoldScope;
import dev.arrears.domain.collections.Instalment;
import dev.arrears.domain.collections.LimitationPeriod;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The organisation-wide part of the collections API (holds and the limitation period), under
 * {@code /admin/organisations} beside the operator's organisations resource: JAX-RS picks one class per
 * path prefix, so these cannot live under a class at {@code /admin}.
 *
 * <p>Holds, disputes, promises to pay, payment plans, contacts and the limitation period, under the
 * operator token like every {@code /admin} path. "Today" is the organisation's day in its own zone.
 * The engine takes the facts into account at its next decision for the invoice (and cancels pending
 * reminders and fees of an invoice that a new fact pauses).
 */
@Path("/admin/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganisationCollectionsResource {

    private static final String OPERATOR = "operator";

    private final CollectionsStore store;
    private final ContactLog contacts;
    private final OrganisationStore organisations;
    private final Clock clock;

    public OrganisationCollectionsResource(CollectionsStore store, ContactLog contacts, OrganisationStore organisations, Clock clock) {
        this.store = store;
        this.contacts = contacts;
        this.organisations = organisations;
        this.clock = clock;
    }

    // ---- holds ----------------------------------------------------------------------------------

    @POST
    @Path("/{org}/holds")
    public Response placeHold(@PathParam("org") String org, CollectionsRequests.NewHold body) {
        Organisation organisation = organisation(org);
        require(body != null && body.reason() != null && !body.reason().isBlank(), "reason is required");
        String scope = Optional.ofNullable(body.scope()).orElse("organisation").toLowerCase(Locale.ROOT);
        HoldScope holdScope = switch (scope) {
            case "organisation" -> new HoldScope.WholeOrganisation();
            case "customer" -> new HoldScope.Customer(required(body.customerId(), "customerId"));
            case "invoice" -> new HoldScope.Invoice(required(body.invoiceId(), "invoiceId"));
            default -> throw new IllegalArgumentException("scope '" + body.scope() + "': expected organisation, customer or invoice");
        };
        Hold hold = store.placeHold(organisation.id(), holdScope, body.reason(), by(body.setBy()), today(organisation),
                Optional.ofNullable(body.resumeOn()));
        return Response.status(Response.Status.CREATED).entity(HoldView.of(hold)).build();
    }

    @GET
    @Path("/{org}/holds")
    public List<HoldView> holds(@PathParam("org") String org) {
        return store.holds(organisation(org).id()).stream().map(HoldView::of).toList();
    }

    @DELETE
    @Path("/{org}/holds/{holdId}")
    public HoldView releaseHold(@PathParam("org") String org, @PathParam("holdId") String holdId) {
        Organisation organisation = organisation(org);
        return HoldView.of(store.releaseHold(organisation.id(), holdId, OPERATOR, today(organisation)));
    }

    @PUT
    @Path("/{org}/limitation")
    public Map<String, Object> limitation(@PathParam("org") String org, CollectionsRequests.Limitation body) {
        require(body != null, "years and warnDaysBefore are required");
        LimitationPeriod period = new LimitationPeriod(body.years(), body.warnDaysBefore());
        store.setLimitation(organisation(org).id(), period, by(body.setBy()));
        return Map.of("years", period.years(), "warnDaysBefore", period.warnDaysBefore());
    }

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

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }

    private Organisation organisation(String id) {
        OrganisationId organisationId;
        try {
            organisationId = OrganisationId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new UnknownCollectionsFactException("'" + id + "' is not an organisation id");
        }
        Supplier<UnknownCollectionsFactException> unknown = () -> new UnknownCollectionsFactException("no organisation " + id);
        return organisations.find(organisationId).orElseThrow(unknown);
    }

    private LocalDate today(Organisation organisation) {
        return OrganisationDay.today(clock.instant(), organisation.timeZone());
    }

    private static String by(String given) {
        return given == null || given.isBlank() ? OPERATOR : given;
    }

    private static String required(String value, String field) {
        require(value != null && !value.isBlank(), field + " is required");
        return value;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
