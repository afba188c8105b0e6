package dev.arrears.connector.quickbooks;

import dev.arrears.connector.oauth.CallbackError;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Intuit's redirect after the accountant signed in: {@code ?code=…&state=…&realmId=…} (or
 * {@code ?error=access_denied&state=…}). Public, since a browser lands here; the single-use state
 * handed out by the operator's start call is what authenticates it.
 */
@Path("/quickbooks/oauth/callback")
@Produces(MediaType.APPLICATION_JSON)
public class QuickBooksCallbackResource {

    private final QuickBooksOnboarding onboarding;

    QuickBooksCallbackResource(QuickBooksOnboarding onboarding) {
        this.onboarding = onboarding;
    }

    @GET
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @QueryParam("realmId") String realmId, @QueryParam("error") String error) {
        if (error != null && !error.isBlank()) {
            if (state != null) {
                onboarding.abandon(state); // a refused consent uses up its state too
            }
            return QuickBooksAdminResource.problem(Response.Status.BAD_REQUEST,
                    "QuickBooks did not grant access (" + CallbackError.describe(error) + "); start the connection again");
        }
        if (state == null || code == null || realmId == null) {
            return QuickBooksAdminResource.problem(Response.Status.BAD_REQUEST, "code, state and realmId are required");
        }
        return QuickBooksAdminResource.handle(() -> Response.ok(QuickBooksAdminResource.registered(
                onboarding.complete(state, code, realmId), realmId)).build());
    }
}
