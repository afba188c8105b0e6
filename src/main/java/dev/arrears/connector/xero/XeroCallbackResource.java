package dev.arrears.connector.xero;

import dev.arrears.application.ConnectionStore;
import dev.arrears.connector.oauth.CallbackError;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Xero sends the accountant back to {@code /xero/callback} after the consent an operator started. */
@Path("/xero/callback")
@Produces(MediaType.APPLICATION_JSON)
public class XeroCallbackResource {

    private final XeroOnboarding onboarding;
    private final ConnectionStore connections;

    XeroCallbackResource(XeroOnboarding onboarding, ConnectionStore connections) {
        this.onboarding = onboarding;
        this.connections = connections;
    }

    /** Xero sends the accountant back here with the code (or an error) and our state. */
    @GET
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @QueryParam("error") String error) {
        if (error != null) {
            if (state != null) {
                onboarding.abandon(state); // a refused consent uses up its state too
            }
            return XeroResources.problem(Response.Status.BAD_REQUEST, "Xero did not grant access ("
                    + CallbackError.describe(error) + "); start the connection again from Arrears");
        }
        if (code == null || state == null) {
            return XeroResources.problem(Response.Status.BAD_REQUEST, "the callback needs code and state");
        }
        return XeroResources.guarded(() -> Response.ok(Map.of("connected", XeroResources.views(onboarding.completeConsent(code, state), connections))).build());
    }
}
