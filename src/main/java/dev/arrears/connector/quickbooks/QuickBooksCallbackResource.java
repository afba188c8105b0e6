package dev.arrears.connector.quickbooks;

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
import java.util.Optional;

/**
 * Intuit's redirect after the accountant signed in: {@code ?code=…&state=…&realmId=…} (or
 * {@code ?error=access_denied&state=…}). Public, since a browser lands here; the single-use state
 * handed out by the operator's start call is what authenticates it.
 */
@Path("/quickbooks/oauth/callback")
@Produces(MediaType.APPLICATION_JSON)
public class QuickBooksCallbackResource {

    private final QuickBooksOnboarding onboarding;
    private final LedgerConnections ledgerConnections;

    QuickBooksCallbackResource(QuickBooksOnboarding onboarding, LedgerConnections ledgerConnections) {
        this.onboarding = onboarding;
        this.ledgerConnections = ledgerConnections;
    }

    @GET
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @QueryParam("realmId") String realmId, @QueryParam("error") String error) {
        if (error != null && !error.isBlank()) {
            // a refused consent uses up its state too
            Optional<ConsentOrigin> origin = state == null ? Optional.empty() : onboarding.abandon(state);
            String message = "QuickBooks did not grant access (" + CallbackError.describe(error) + "); start the connection again";
            return origin.filter(ConsentOrigin::console).isPresent() ? ConsoleReturn.failed(message)
                    : QuickBooksAdminResource.problem(Response.Status.BAD_REQUEST, message);
        }
        if (state == null || code == null || realmId == null) {
            return QuickBooksAdminResource.problem(Response.Status.BAD_REQUEST, "code, state and realmId are required");
        }
        return QuickBooksAdminResource.handle(() -> {
            QuickBooksOnboarding.Completed completed;
            try {
                completed = onboarding.complete(state, code, realmId);
            } catch (QuickBooksOnboarding.ConsentFailed failed) {
                if (failed.origin().console()) {
                    return ConsoleReturn.failed(failed.getMessage());
                }
                throw failed.problem();
            }
            List<OrganisationId> ids = List.of(completed.registered().organisation());
            ledgerConnections.connected(ids, completed.origin());
            return completed.origin().console() ? ConsoleReturn.connected(ids)
                    : Response.ok(QuickBooksAdminResource.registered(completed.registered(), realmId)).build();
        });
    }
}
