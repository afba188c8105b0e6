package dev.arrears.connector.xero;

import dev.arrears.application.ConnectionStore;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.connection.LedgerConnections;
import dev.arrears.application.ledger.ConsentOrigin;
import dev.arrears.connector.oauth.CallbackError;
import dev.arrears.connector.oauth.ConsoleReturn;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Xero sends the accountant back to {@code /xero/callback} after the consent an operator or a firm
 * admin started. A consent started on the console's Connections page goes back there; one started
 * through the admin API is answered with JSON.
 */
@Path("/xero/callback")
@Produces(MediaType.APPLICATION_JSON)
public class XeroCallbackResource {

    private final XeroOnboarding onboarding;
    private final LedgerConnections ledgerConnections;
    private final ConnectionStore connections;

    XeroCallbackResource(XeroOnboarding onboarding, LedgerConnections ledgerConnections, ConnectionStore connections) {
        this.onboarding = onboarding;
        this.ledgerConnections = ledgerConnections;
        this.connections = connections;
    }

    /** Xero sends the accountant back here with the code (or an error) and our state. */
    @GET
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @QueryParam("error") String error) {
        if (error != null) {
            // a refused consent uses up its state too
            Optional<ConsentOrigin> origin = state == null ? Optional.empty() : onboarding.abandon(state);
            String message = "Xero did not grant access (" + CallbackError.describe(error)
                    + "); start the connection again from Arrears";
            return origin.filter(ConsentOrigin::console).isPresent() ? ConsoleReturn.failed(message)
                    : XeroResources.problem(Response.Status.BAD_REQUEST, message);
        }
        if (code == null || state == null) {
            return XeroResources.problem(Response.Status.BAD_REQUEST, "the callback needs code and state");
        }
        XeroOnboarding.Completed completed;
        try {
            completed = onboarding.completeConsent(code, state);
        } catch (XeroOnboarding.OnboardingRefused refused) {
            if (refused.origin().filter(ConsentOrigin::console).isPresent()) {
                return ConsoleReturn.failed(refused.getMessage());
            }
            return XeroResources.problem(Response.Status.BAD_REQUEST, refused.getMessage());
        }
        List<OrganisationId> ids = completed.organisations().stream().map(Organisation::id).toList();
        ledgerConnections.connected(ids, completed.origin());
        if (completed.origin().console()) {
            return ConsoleReturn.connected(ids);
        }
        return Response.ok(Map.of("connected", XeroResources.views(completed.organisations(), connections))).build();
    }
}
