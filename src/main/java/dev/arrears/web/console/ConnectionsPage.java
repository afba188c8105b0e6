package dev.arrears.web.console;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.connection.ConsentStart;
import dev.arrears.application.connection.LateFeeChoice;
import dev.arrears.application.connection.LateFeeOptions;
import dev.arrears.application.connection.LedgerConnections;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.application.ledger.SettingsReport;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ledger connections of the firm: for firm admins only (every request of anyone else, page or
 * form, is refused by {@link LedgerConnections.Actor#console}). Connecting hands the browser to the
 * provider's consent page; the provider's callback brings it back here.
 */
@Path("/console/connections")
@Produces(MediaType.TEXT_HTML)
public class ConnectionsPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance connections(SignedIn.Frame frame, List<Row> rows, Optional<String> notice,
                                                   Optional<String> failure);

        static native TemplateInstance connectionDisconnect(SignedIn.Frame frame, Row row);

        static native TemplateInstance connectionLateFees(SignedIn.Frame frame, Row row, LateFeeOptions.Listed options,
                                                          Optional<String> unavailable, Optional<String> notice,
                                                          Optional<String> problem);
    }

    /** One organisation's line, in the page's words. */
    public record Row(String id, String name, String provider, String state, String stateLabel, String reason,
                      String connectedAt, String connectedBy) {

        public boolean reconnectable() {
            return !state.equals(LedgerConnections.State.CONNECTED.name());
        }

        public boolean connected() {
            return state.equals(LedgerConnections.State.CONNECTED.name());
        }

        public boolean disconnectable() {
            return !state.equals(LedgerConnections.State.DISCONNECTED.name());
        }
    }

    private final SignedIn signedIn;
    private final LedgerConnections connections;

    public ConnectionsPage(SignedIn signedIn, LedgerConnections connections) {
        this.signedIn = signedIn;
        this.connections = connections;
    }

    @GET
    public TemplateInstance list(@QueryParam("connected") String connected, @QueryParam("failed") String failed,
                                 @QueryParam("disconnected") String disconnected) {
        LedgerConnections.Actor actor = actor();
        List<Row> rows = rows(actor);
        return Templates.connections(signedIn.frame("connections"), rows, notice(rows, connected, disconnected),
                Optional.ofNullable(failed).filter(f -> !f.isBlank()).map(f -> "Nothing was connected: " + f));
    }

    @POST
    @Path("/xero")
    public Response connectXero() {
        return toProvider(ConsoleErrors.attempt(() -> connections.connect(actor(), LedgerProvider.XERO, Optional.empty(),
                Optional.empty())));
    }

    @POST
    @Path("/quickbooks")
    public Response connectQuickBooks() {
        return toProvider(ConsoleErrors.attempt(() -> connections.connect(actor(), LedgerProvider.QUICKBOOKS,
                Optional.empty(), Optional.empty())));
    }

    @POST
    @Path("/{id}/reconnect")
    public Response reconnect(@PathParam("id") String id) {
        LedgerConnections.Actor actor = actor();
        return toProvider(ConsoleErrors.attempt(() -> connections.reconnect(actor, ConsoleIds.organisation(id))));
    }

    /** The confirmation step: nothing changes until its form is sent. */
    @GET
    @Path("/{id}/disconnect")
    public TemplateInstance confirmDisconnect(@PathParam("id") String id) {
        return Templates.connectionDisconnect(signedIn.frame("connections"), row(actor(), ConsoleIds.organisation(id)));
    }

    @POST
    @Path("/{id}/disconnect")
    public Response disconnect(@PathParam("id") String id) {
        LedgerConnections.Actor actor = actor();
        OrganisationId organisation = ConsoleIds.organisation(id);
        LedgerConnections.Disconnected done = ConsoleErrors.attempt(() -> connections.disconnect(actor, organisation,
                Optional.empty()));
        return Response.seeOther(URI.create("/console/connections?disconnected=" + done.organisation().id())).build();
    }

    @GET
    @Path("/{id}/late-fees")
    public TemplateInstance lateFees(@PathParam("id") String id) {
        LedgerConnections.Actor actor = actor();
        OrganisationId organisation = ConsoleIds.organisation(id);
        return lateFeePage(actor, organisation, Optional.empty(), Optional.empty());
    }

    @POST
    @Path("/{id}/late-fees")
    public TemplateInstance chooseLateFees(@PathParam("id") String id, @FormParam("account") String account,
                                           @FormParam("taxRate") String taxRate, @FormParam("item") String item) {
        LedgerConnections.Actor actor = actor();
        OrganisationId organisation = ConsoleIds.organisation(id);
        SettingsReport report = ConsoleErrors.attempt(() -> connections.chooseLateFee(actor, organisation,
                new LateFeeChoice(Optional.ofNullable(account), Optional.ofNullable(taxRate), Optional.ofNullable(item))));
        Optional<String> problem = report.failure().map(LedgerFailure::reason)
                .map(r -> "Saved, but the ledger could not be asked to check it: " + r)
                .or(() -> report.lateFeesBlockedBecause().map(b -> "Saved, but no late fees will be raised yet: " + b + "."));
        Optional<String> notice = problem.isPresent() ? Optional.empty()
                : Optional.of("Saved and checked against the ledger: the next cycle raises late fees with these.");
        return lateFeePage(actor, organisation, notice, problem);
    }

    private TemplateInstance lateFeePage(LedgerConnections.Actor actor, OrganisationId organisation, Optional<String> notice,
                                         Optional<String> problem) {
        Row row = row(actor, organisation);
        LateFeeOptions options = connections.lateFeeOptions(actor, organisation);
        return switch (options) {
            case LateFeeOptions.Listed listed -> Templates.connectionLateFees(signedIn.frame("connections"), row, listed,
                    Optional.empty(), notice, problem);
            case LateFeeOptions.Unavailable unavailable -> Templates.connectionLateFees(signedIn.frame("connections"), row,
                    new LateFeeOptions.Listed(List.of(), List.of(), List.of(), LateFeeChoice.NONE, Optional.empty()),
                    Optional.of(unavailable.reason()), notice, problem);
        };
    }

    private LedgerConnections.Actor actor() {
        return LedgerConnections.Actor.console(signedIn.access());
    }

    private static Response toProvider(ConsentStart start) {
        return Response.seeOther(start.authorizeUrl()).build();
    }

    private List<Row> rows(LedgerConnections.Actor actor) {
        return connections.list(actor).stream().map(ConnectionsPage::row).toList();
    }

    private Row row(LedgerConnections.Actor actor, OrganisationId organisation) {
        return rows(actor).stream().filter(r -> r.id().equals(organisation.toString())).findFirst()
                .orElseThrow(() -> ConsoleErrors.notFound("connected organisation"));
    }

    private static Row row(LedgerConnections.Listing l) {
        return new Row(l.organisation().id().toString(), l.organisation().displayName(),
                l.organisation().provider() == LedgerProvider.XERO ? "Xero" : "QuickBooks", l.state().name(),
                l.state().label(), l.reason().orElse(""), l.connectedAt().map(WHEN::format).orElse("—"),
                l.connectedBy().orElse("—"));
    }

    private static Optional<String> notice(List<Row> rows, String connected, String disconnected) {
        if (connected != null && !connected.isBlank()) {
            Set<String> ids = Arrays.stream(connected.split(",")).map(String::strip).collect(Collectors.toSet());
            String names = rows.stream().filter(r -> ids.contains(r.id())).map(Row::name).collect(Collectors.joining(", "));
            return Optional.of(names.isEmpty() ? "The ledger sent the consent back, but no organisation was connected."
                    : "Connected: " + names + ". It starts in preview: nothing is sent until someone approves its queue.");
        }
        if (disconnected != null && !disconnected.isBlank()) {
            return rows.stream().filter(r -> r.id().equals(disconnected.strip())).findFirst()
                    .map(r -> "Disconnected " + r.name() + ": its tokens are revoked and destroyed, its cycles stopped; "
                            + "its history stays.");
        }
        return Optional.empty();
    }
}
