package dev.arrears.web.admin;

import dev.arrears.application.connection.ConsentStart;
import dev.arrears.application.connection.LedgerConnections;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every organisation's ledger connection, and reconnecting one, for the operator: the same service
 * as the console's Connections page. Connecting and disconnecting stay under each provider's own
 * endpoints ({@code /admin/xero}, {@code /admin/quickbooks}), which call that service too.
 */
@Path("/admin/connections")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectionsResource {

    private final LedgerConnections connections;

    public ConnectionsResource(LedgerConnections connections) {
        this.connections = connections;
    }

    public record ConnectionView(String organisationId, String name, String provider, String status, String reason,
                                 Instant connectedAt, String connectedBy) {
    }

    @GET
    public List<ConnectionView> list() {
        return connections.list(LedgerConnections.Actor.operator()).stream()
                .map(l -> new ConnectionView(l.organisation().id().toString(), l.organisation().displayName(),
                        l.organisation().provider().name(), l.state().label(), l.reason().orElse(null),
                        l.connectedAt().orElse(null), l.connectedBy().orElse(null)))
                .toList();
    }

    /** Starts a consent for an organisation that needs reconnecting; open {@code authorizeUrl} in a browser. */
    @POST
    @Path("/{id}/reconnect")
    public Response reconnect(@PathParam("id") String id) {
        try {
            ConsentStart start = connections.reconnect(LedgerConnections.Actor.operator(), OrganisationIds.parse(id));
            return Response.ok(Map.of("authorizeUrl", start.authorizeUrl().toString(),
                    "expiresAt", start.expiresAt().toString())).build();
        } catch (IllegalArgumentException e) {
            return AdminErrors.error(Response.Status.BAD_REQUEST, e.getMessage());
        } catch (IllegalStateException e) {
            return AdminErrors.error(Response.Status.CONFLICT, e.getMessage());
        }
    }
}
