package dev.arrears.web.admin.collections;

import static dev.arrears.web.admin.collections.RequestChecks.by;
import static dev.arrears.web.admin.collections.RequestChecks.day;
import static dev.arrears.web.admin.collections.RequestChecks.error;
import static dev.arrears.web.admin.collections.RequestChecks.require;
import static dev.arrears.web.admin.collections.RequestChecks.required;

import dev.arrears.application.Organisation;
import dev.arrears.application.UnknownOrganisationException;
import dev.arrears.application.collections.CollectionsStore;
import dev.arrears.application.collections.ContactLog;
import dev.arrears.application.collections.UnknownCollectionsFactException;
import dev.arrears.domain.collections.Hold;
import dev.arrears.domain.collections.HoldScope;
import dev.arrears.domain.collections.LimitationPeriod;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    private final CollectionsStore store;
    private final ContactLog contacts;
    private final CollectionsLookup lookup;

    public OrganisationCollectionsResource(CollectionsStore store, ContactLog contacts, CollectionsLookup lookup) {
        this.store = store;
        this.contacts = contacts;
        this.lookup = lookup;
    }

    // ---- holds ----------------------------------------------------------------------------------

    @POST
    @Path("/{org}/holds")
    public Response placeHold(@PathParam("org") String org, CollectionsRequests.NewHold body) {
        Organisation organisation = lookup.organisation(org);
        require(body != null && body.reason() != null && !body.reason().isBlank(), "reason is required");
        String scope = Optional.ofNullable(body.scope()).orElse("organisation").toLowerCase(Locale.ROOT);
        HoldScope holdScope = switch (scope) {
            case "organisation" -> new HoldScope.WholeOrganisation();
            case "customer" -> new HoldScope.Customer(required(body.customerId(), "customerId"));
            case "invoice" -> new HoldScope.Invoice(required(body.invoiceId(), "invoiceId"));
            default -> throw new IllegalArgumentException("scope '" + body.scope() + "': expected organisation, customer or invoice");
        };
        LocalDate today = lookup.today(organisation);
        Optional<LocalDate> resumeOn = Optional.ofNullable(body.resumeOn()).map(d -> day(d, "resumeOn", today));
        Hold hold = store.placeHold(organisation.id(), holdScope, body.reason(), by(body.setBy()), today, resumeOn);
        return Response.status(Response.Status.CREATED).entity(HoldView.of(hold)).build();
    }

    @GET
    @Path("/{org}/holds")
    public List<HoldView> holds(@PathParam("org") String org) {
        return store.holds(lookup.organisation(org).id()).stream().map(HoldView::of).toList();
    }

    @DELETE
    @Path("/{org}/holds/{holdId}")
    public HoldView releaseHold(@PathParam("org") String org, @PathParam("holdId") String holdId) {
        Organisation organisation = lookup.organisation(org);
        return HoldView.of(store.releaseHold(organisation.id(), holdId, by(null), lookup.today(organisation)));
    }

    @PUT
    @Path("/{org}/limitation")
    public Map<String, Object> limitation(@PathParam("org") String org, CollectionsRequests.Limitation body) {
        require(body != null, "years and warnDaysBefore are required");
        LimitationPeriod period = new LimitationPeriod(body.years(), body.warnDaysBefore());
        store.setLimitation(lookup.organisation(org).id(), period, by(body.setBy()));
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

}
