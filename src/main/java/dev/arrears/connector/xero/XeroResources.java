package dev.arrears.connector.xero;

import dev.arrears.application.ConnectionStore;
import dev.arrears.application.connection.LedgerConnections;
import dev.arrears.application.Organisation;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.ledger.LedgerSettingsStore;
import dev.arrears.application.ledger.OrganisationLedgerSettings;
import dev.arrears.application.ledger.SettingsReport;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Xero's HTTP endpoints. They live in the connector, not in {@code web}, because they are the Xero
 * protocol itself (the consent redirect and callback) or Xero-only operations, and adapters do not
 * import each other. Everything under {@code /admin} is guarded by the operator token filter; the
 * callback ({@link XeroCallbackResource}) is public but only completes a consent an operator started
 * (its state is single-use). The class path is {@code /admin/xero}, not {@code /}: a root resource
 * at {@code /admin} (collections) would otherwise win the match for every {@code /admin/xero/...}.
 */
@Path("/admin/xero")
@Produces(MediaType.APPLICATION_JSON)
public class XeroResources {

    private final XeroOnboarding onboarding;
    private final LedgerConnections ledgerConnections;
    private final LedgerSettingsStore settings;
    private final ConnectionStore connections;
    private final OrganisationStore organisations;

    XeroResources(XeroOnboarding onboarding, LedgerConnections ledgerConnections, LedgerSettingsStore settings,
                  ConnectionStore connections, OrganisationStore organisations) {
        this.ledgerConnections = ledgerConnections;
        this.connections = connections;
        this.onboarding = onboarding;
        this.settings = settings;
        this.organisations = organisations;
    }

    /** Starts a consent: redirects (303) to Xero's consent page; the body carries the same address. */
    @GET
    @Path("connect")
    public Response connect(@QueryParam("policy") String policy) {
        return guarded(() -> {
            URI consent = ledgerConnections.connect(LedgerConnections.Actor.operator(), LedgerProvider.XERO,
                    Optional.ofNullable(policy).filter(p -> !p.isBlank()), Optional.empty()).authorizeUrl();
            return Response.seeOther(consent).entity(Map.of("authorizeUrl", consent.toString())).build();
        });
    }

    public record Registration(String refreshToken, String tenantId, String policy) {
        @Override
        public String toString() {
            return "Registration[tenantId=" + tenantId + ", policy=" + policy + "]";
        }
    }

    /** Headless registration from an existing refresh token (see docs/xero.md). */
    @POST
    @Path("organisations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(Registration registration) {
        if (registration == null || registration.refreshToken() == null || registration.refreshToken().isBlank()) {
            return problem(Response.Status.BAD_REQUEST, "send {\"refreshToken\": \"...\"} (tenantId and policy optional)");
        }
        return guarded(() -> Response.status(Response.Status.CREATED).entity(Map.of("connected",
                views(onboarding.registerFromRefreshToken(registration.refreshToken().strip(),
                        Optional.ofNullable(registration.tenantId()).filter(t -> !t.isBlank()),
                        Optional.ofNullable(registration.policy()).filter(p -> !p.isBlank())), connections))).build());
    }

    @DELETE
    @Path("organisations/{id}")
    public Response disconnect(@PathParam("id") String id) {
        return guarded(() -> {
            ledgerConnections.disconnect(LedgerConnections.Actor.operator(), OrganisationId.parse(id),
                    Optional.of(LedgerProvider.XERO));
            return Response.noContent().build();
        });
    }

    public record LateFeeChoice(String accountCode, String taxType, String itemCode, Boolean approved,
                                Boolean chaseDespiteXeroReminders) {
    }

    /** The accountant's late-fee account, tax type and item; checked against Xero at once. */
    @PUT
    @Path("organisations/{id}/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response choose(@PathParam("id") String id, LateFeeChoice choice) {
        if (choice == null) {
            return problem(Response.Status.BAD_REQUEST, "send {\"accountCode\": ..., \"taxType\": ..., \"itemCode\": ...}");
        }
        Optional<String> malformed = LateFeeCodes.firstMalformed(choice);
        if (malformed.isPresent()) {
            return problem(Response.Status.BAD_REQUEST, malformed.get());
        }
        return guarded(() -> {
            OrganisationId organisation = OrganisationId.parse(id);
            organisations.find(organisation).filter(o -> o.provider() == LedgerProvider.XERO)
                    .orElseThrow(() -> new XeroOnboarding.OnboardingRefused("organisation " + id + " is not a Xero organisation"));
            settings.update(organisation, current -> {
                OrganisationLedgerSettings chosen = current.withLateFeeChoices(text(choice.accountCode()),
                        text(choice.taxType()), text(choice.itemCode()),
                        choice.approved() == null ? current.lateFeesApproved() : choice.approved());
                return choice.chaseDespiteXeroReminders() == null ? chosen
                        : chosen.withChaseDespiteLedgerReminders(choice.chaseDespiteXeroReminders());
            }).orElseThrow(() -> new XeroOnboarding.OnboardingRefused("organisation " + id + " is not a Xero organisation"));
            SettingsReport report = onboarding.readSettings(organisation);
            return Response.ok(Map.of(
                    "lateFeesBlockedBecause", report.lateFeesBlockedBecause().orElse(""),
                    "xeroRemindersOn", report.ledgerChasesToo(),
                    "warnings", report.warnings(),
                    "failure", report.failure().map(f -> f.reason()).orElse(""))).build();
        });
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** Each organisation with its Xero tenant id, which tells several organisations of one consent apart. */
    static List<Map<String, String>> views(List<Organisation> organisations, ConnectionStore connections) {
        return organisations.stream().map(o -> Map.of("id", o.id().toString(), "name", o.displayName(),
                "tenantId", connections.tenantId(o.id()).orElse(""),
                "mode", o.mode().name(), "timeZone", o.timeZone().getId(), "baseCurrency",
                o.baseCurrency().getCurrencyCode())).toList();
    }

    static Response guarded(java.util.function.Supplier<Response> action) {
        try {
            return action.get();
        } catch (XeroIdentity.TokenRefused | IllegalArgumentException e) {
            return problem(Response.Status.BAD_REQUEST, e.getMessage());
        } catch (IllegalStateException e) {
            return problem(Response.Status.CONFLICT, e.getMessage());
        }
    }

    static Response problem(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
