package dev.arrears.web.admin;

import dev.arrears.application.InvoiceNames;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.cycle.QueueControl;
import dev.arrears.web.admin.OrganisationsResource.OutboxView;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Operator: one action of an organisation's queue, as the console changes it (the same
 * {@link QueueControl}); the audit trail names the operator token as {@value #OPERATOR}.
 */
@Path("/admin/organisations/{id}/queue/{action}")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    /** Who the audit trail says did it: the admin API knows no person behind its token. */
    static final String OPERATOR = "operator";

    private final QueueControl queue;
    private final Clock clock;
    private final InvoiceNames names;

    public QueueResource(QueueControl queue, Clock clock, InvoiceNames names) {
        this.queue = queue;
        this.clock = clock;
        this.names = names;
    }

    /** In preview: the action is not promoted when the organisation goes live. */
    @POST
    @Path("/exclude")
    public OutboxView exclude(@PathParam("id") String id, @PathParam("action") String action) {
        return view(queue.exclude(OrganisationIds.parse(id), actionId(action), OPERATOR, clock.instant()));
    }

    /** In preview: undoes an exclusion. */
    @POST
    @Path("/include")
    public OutboxView include(@PathParam("id") String id, @PathParam("action") String action) {
        return view(queue.include(OrganisationIds.parse(id), actionId(action), OPERATOR, clock.instant()));
    }

    /** A pending action is cancelled for good (not planned again). */
    @POST
    @Path("/stop")
    public OutboxView stop(@PathParam("id") String id, @PathParam("action") String action) {
        return view(queue.stop(OrganisationIds.parse(id), actionId(action), OPERATOR, clock.instant()));
    }

    /** A pending reminder of a live organisation is due now; the dispatcher sends it once, within the send rules. */
    @POST
    @Path("/chase")
    public OutboxView chaseNow(@PathParam("id") String id, @PathParam("action") String action) {
        return view(queue.chaseNow(OrganisationIds.parse(id), actionId(action), OPERATOR, clock.instant()));
    }

    private OutboxView view(OutboxEntry entry) {
        InvoiceRef invoice = entry.invoice();
        return OutboxView.of(entry, names.of(invoice.organisationId(), List.of(invoice.providerInvoiceId())));
    }

    private static UUID actionId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("action must be an outbox action id (a UUID)");
        }
    }

    /** The action is not in this state (already sent, organisation not in preview, ...). */
    @ServerExceptionMapper
    public Response conflict(IllegalStateException e) {
        return AdminErrors.error(Response.Status.CONFLICT, e.getMessage());
    }

    /** No such action in this organisation, or not a reminder. */
    @ServerExceptionMapper
    public Response unknownAction(IllegalArgumentException e) {
        return AdminErrors.error(Response.Status.NOT_FOUND, e.getMessage());
    }
}
