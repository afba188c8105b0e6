package dev.arrears.web.console;

import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.Outbox;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.console.ActionWording;
import dev.arrears.application.console.ConsoleAccess;
import dev.arrears.application.console.ConsoleViews;
import dev.arrears.application.console.ConsoleViews.InvoiceLine;
import dev.arrears.application.console.OrganisationActions;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One organisation: its invoices by stage, the queue of what will be sent or charged (with the
 * wording), approving the queue and going live, pausing and resuming.
 */
@Path("/console/organisations")
@Produces(MediaType.TEXT_HTML)
public class OrganisationPage {

    /** One action of the queue, with the invoice and customer it is for. */
    public record QueueItem(String invoiceId, String invoiceNumber, String customer, String kind, String wording,
                            String stage, String status, Instant when) {
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance organisation(SignedIn.Frame frame, Organisation organisation, boolean canChange,
                                                    List<InvoiceLine> invoices, List<QueueItem> queue, String stage);
    }

    private final SignedIn signedIn;
    private final OrganisationStore organisations;
    private final ConsoleViews views;
    private final Outbox outbox;
    private final OrganisationActions actions;
    private final Clock clock;

    public OrganisationPage(SignedIn signedIn, OrganisationStore organisations, ConsoleViews views, Outbox outbox,
                            OrganisationActions actions, Clock clock) {
        this.signedIn = signedIn;
        this.organisations = organisations;
        this.views = views;
        this.outbox = outbox;
        this.actions = actions;
        this.clock = clock;
    }

    /** @param stage shows only the invoices at this stage ("none": not started) */
    @GET
    @Path("/{id}")
    public TemplateInstance organisation(@PathParam("id") String id, @QueryParam("stage") String stage) {
        ConsoleAccess access = signedIn.access();
        OrganisationId org = ConsoleIds.organisation(id);
        access.requireRead(org);
        Organisation organisation = organisations.find(org).orElseThrow(() -> ConsoleErrors.notFound("organisation"));
        List<InvoiceLine> invoices = views.invoices(org, clock.instant());
        String wanted = stage == null ? "" : stage.strip();
        List<InvoiceLine> shown = invoices.stream()
                .filter(i -> wanted.isEmpty() || i.stage().orElse("none").equals(wanted)).toList();
        return Templates.organisation(signedIn.frame("overview"), organisation, access.canChange(org), shown,
                queue(org, invoices), wanted);
    }

    /**
     * What will be sent or charged: previewed actions (preview) and pending ones (live), soonest first.
     * Actions of invoices on hold or under a promise to pay are left out: they will not go out.
     */
    private List<QueueItem> queue(OrganisationId org, List<InvoiceLine> invoices) {
        Map<String, InvoiceLine> byId = invoices.stream()
                .collect(Collectors.toMap(InvoiceLine::providerInvoiceId, Function.identity(), (a, b) -> a));
        List<OutboxEntry> entries = new ArrayList<>(outbox.list(org, OutboxStatus.PREVIEWED));
        entries.addAll(outbox.list(org, OutboxStatus.PENDING));
        return entries.stream()
                .filter(e -> byId.containsKey(e.invoice().providerInvoiceId()))
                .filter(e -> !byId.get(e.invoice().providerInvoiceId()).paused())
                .sorted(Comparator.comparing(OutboxEntry::nextAttemptAt))
                .map(e -> {
                    InvoiceLine line = byId.get(e.invoice().providerInvoiceId());
                    return new QueueItem(line.providerInvoiceId(), line.number(), line.customerName(),
                            ActionWording.kind(e.action()), ActionWording.of(e.action()), e.action().stage(),
                            e.status().name(), e.nextAttemptAt());
                })
                .toList();
    }

    @POST
    @Path("/{id}/pause")
    public Response pause(@PathParam("id") String id) {
        OrganisationId org = ConsoleIds.organisation(id);
        ConsoleErrors.attempt(() -> actions.pause(signedIn.access(), org));
        return backTo(org);
    }

    @POST
    @Path("/{id}/resume")
    public Response resume(@PathParam("id") String id) {
        OrganisationId org = ConsoleIds.organisation(id);
        ConsoleErrors.attempt(() -> actions.resume(signedIn.access(), org));
        return backTo(org);
    }

    /** Approves the previewed queue and goes live under the go-live rule. */
    @POST
    @Path("/{id}/live")
    public Response goLive(@PathParam("id") String id) {
        OrganisationId org = ConsoleIds.organisation(id);
        ConsoleErrors.attempt(() -> actions.goLive(signedIn.access(), org));
        return backTo(org);
    }

    static Response backTo(OrganisationId org) {
        return Response.seeOther(URI.create("/console/organisations/" + org)).build();
    }
}
