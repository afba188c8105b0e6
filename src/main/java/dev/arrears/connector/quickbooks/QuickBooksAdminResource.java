package dev.arrears.connector.quickbooks;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.connection.ConsentStart;
import dev.arrears.application.connection.LedgerConnections;
import dev.arrears.application.ledger.LedgerChoices;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.application.ledger.SettingsReport;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Operator endpoints for QuickBooks companies, under /admin (the operator token filter guards them).
 * They live in the connector because they speak QuickBooks (realm ids, Intuit's OAuth).
 */
@Path("/admin/quickbooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QuickBooksAdminResource {

    private final QuickBooksOnboarding onboarding;
    private final LedgerConnections ledgerConnections;

    QuickBooksAdminResource(QuickBooksOnboarding onboarding, LedgerConnections ledgerConnections) {
        this.onboarding = onboarding;
        this.ledgerConnections = ledgerConnections;
    }

    /** Starts the OAuth flow: open the returned URL in a browser and sign in to QuickBooks. */
    @POST
    @Path("/authorisations")
    public Response start(StartRequest request) {
        StartRequest body = request == null ? new StartRequest(null, null) : request;
        return handle(() -> {
            ConsentStart a = ledgerConnections.connect(LedgerConnections.Actor.operator(), LedgerProvider.QUICKBOOKS,
                    Optional.ofNullable(body.policyId()), Optional.ofNullable(body.displayName()));
            return Response.ok(Map.of("authorizeUrl", a.authorizeUrl().toString(), "expiresAt", a.expiresAt().toString())).build();
        });
    }

    /** Registers a company headlessly from a refresh token (e.g. one issued by Intuit's OAuth Playground). */
    @POST
    @Path("/companies")
    public Response register(RegisterRequest request) {
        if (request == null || blank(request.realmId()) || blank(request.refreshToken())) {
            return problem(Response.Status.BAD_REQUEST, "realmId and refreshToken are required");
        }
        return handle(() -> {
            QuickBooksOnboarding.Hints hints = new QuickBooksOnboarding.Hints(zone(request.timeZone()),
                    Optional.ofNullable(request.country()), Optional.ofNullable(request.currency()));
            QuickBooksOnboarding.Registered r = onboarding.registerWithRefreshToken(request.realmId().trim(),
                    request.refreshToken().trim(), Optional.ofNullable(request.policyId()),
                    Optional.ofNullable(request.displayName()), hints);
            return Response.status(r.reconnected() ? Response.Status.OK : Response.Status.CREATED)
                    .entity(registered(r, request.realmId().trim())).build();
        });
    }

    @PUT
    @Path("/companies/{organisationId}/settings")
    public Response choose(@PathParam("organisationId") String organisationId, ChoicesRequest request) {
        ChoicesRequest body = request == null ? new ChoicesRequest(null, null, null, null) : request;
        if (!QuickBooksOnboarding.quickBooksId(body.lateFeeItemId()) || !QuickBooksOnboarding.quickBooksId(body.lateFeeIncomeAccountId())) {
            return problem(Response.Status.BAD_REQUEST,
                    "lateFeeItemId and lateFeeIncomeAccountId must be QuickBooks ids (digits only)");
        }
        return handle(() -> {
            OrganisationId organisation = OrganisationId.parse(organisationId);
            // The tax code is chosen on the console's Connections page only; this PUT keeps it.
            SettingsReport report = onboarding.choose(organisation, new LedgerChoices(
                    zone(body.timeZone()), Optional.ofNullable(body.lateFeeItemId()),
                    Optional.ofNullable(body.lateFeeIncomeAccountId()), onboarding.chosenTaxCode(organisation),
                    Boolean.TRUE.equals(body.chargeBesideLedgerLateFees())));
            return Response.ok(settings(report)).build();
        });
    }

    /** Disconnects: the refresh token is revoked at Intuit. */
    @DELETE
    @Path("/companies/{organisationId}")
    public Response disconnect(@PathParam("organisationId") String organisationId) {
        return handle(() -> {
            ledgerConnections.disconnect(LedgerConnections.Actor.operator(), OrganisationId.parse(organisationId),
                    Optional.of(LedgerProvider.QUICKBOOKS));
            return Response.noContent().build();
        });
    }

    static Map<String, Object> registered(QuickBooksOnboarding.Registered r, String realmId) {
        return Map.of("organisationId", r.organisation().toString(), "realmId", realmId, "reconnected", r.reconnected(),
                "settings", settings(r.settings()));
    }

    static Map<String, Object> settings(SettingsReport report) {
        return Map.of("lateFeesBlockedBecause", report.lateFeesBlockedBecause().orElse(""),
                "ledgerChasesToo", report.ledgerChasesToo(), "warnings", report.warnings(),
                "failure", report.failure().map(LedgerFailure::reason).orElse(""));
    }

    static Response handle(java.util.function.Supplier<Response> action) {
        try {
            return action.get();
        } catch (QboProblem problem) {
            Response.Status status = switch (problem.failure()) {
                case LedgerFailure.Rejected r -> Response.Status.BAD_REQUEST;
                case LedgerFailure.NeedsReconnect n -> Response.Status.CONFLICT;
                case LedgerFailure.RetryLater r -> Response.Status.SERVICE_UNAVAILABLE;
            };
            return problem(status, problem.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return problem(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    static Response problem(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }

    private static Optional<ZoneId> zone(String text) {
        if (blank(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(text.trim()));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IANA time zone such as America/Chicago");
        }
    }

    /** QuickBooks entity ids are numbers; nothing else may reach a URL path. Absent is fine. */
    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public record StartRequest(String policyId, String displayName) {
    }

    /** The refresh token is a secret: this record never prints it. */
    public record RegisterRequest(String realmId, String refreshToken, String policyId, String displayName,
                                  String timeZone, String country, String currency) {
        @Override
        public String toString() {
            return "RegisterRequest[realmId=" + realmId + ", refreshToken=***, policyId=" + policyId + "]";
        }
    }

    public record ChoicesRequest(String timeZone, String lateFeeItemId, String lateFeeIncomeAccountId,
                                 Boolean chargeBesideLedgerLateFees) {
    }

}
