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
import dev.arrears.application.cycle.OrganisationControl;
import dev.arrears.application.cycle.QueueControl;
import dev.arrears.domain.dunning.PlannedAction;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One organisation: its invoices by stage, the queue of what will be sent or charged (with the
 * wording), approving the queue and going live, excluding, stopping and chasing single actions,
 * pausing (until a day) and resuming.
 */
@Path("/console/organisations")
@Produces(MediaType.TEXT_HTML)
public class OrganisationPage {

    /**
     * One action of the queue, with the invoice and customer it is for.
     *
     * @param excluded a person kept it out of the go-live
     * @param reminder whether it is a reminder (which can be chased now)
     */
    public record QueueItem(UUID actionId, String invoiceId, String invoiceNumber, String customer, String kind,
                            String wording, String stage, String status, Instant when, boolean excluded, boolean reminder) {
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance organisation(SignedIn.Frame frame, Organisation organisation, boolean canChange,
                                                    List<InvoiceLine> invoices, List<QueueItem> queue, String stage,
                                                    String resumeOn, String earliestResume);
    }

    private final SignedIn signedIn;
    private final OrganisationStore organisations;
    private final ConsoleViews views;
    private final Outbox outbox;
    private final OrganisationActions actions;
    private final OrganisationControl control;
    private final QueueControl queueControl;
    private final Clock clock;

    public OrganisationPage(SignedIn signedIn, OrganisationStore organisations, ConsoleViews views, Outbox outbox,
                            OrganisationActions actions, OrganisationControl control, QueueControl queueControl,
                            Clock clock) {
        this.signedIn = signedIn;
        this.organisations = organisations;
        this.views = views;
        this.outbox = outbox;
        this.actions = actions;
        this.control = control;
        this.queueControl = queueControl;
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
                queue(org, invoices), wanted, control.resumeOn(org).map(LocalDate::toString).orElse(""),
                LocalDate.ofInstant(clock.instant(), organisation.timeZone()).plusDays(1).toString());
    }

    /**
     * What will be sent or charged: previewed actions (preview) and pending ones (live), soonest first.
     * Actions of invoices on hold or under a promise to pay are left out: they will not go out.
     */
    private List<QueueItem> queue(OrganisationId org, List<InvoiceLine> invoices) {
        Set<UUID> excluded = queueControl.excluded(org);
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
                    return new QueueItem(e.id(), line.providerInvoiceId(), line.number(), line.customerName(),
                            ActionWording.kind(e.action()), ActionWording.of(e.action()), e.action().stage(),
                            e.status().name(), e.nextAttemptAt(), excluded.contains(e.id()),
                            e.action() instanceof PlannedAction.SendReminder);
                })
                .toList();
    }

    /** @param resumeOn the day it resumes by itself; blank: paused until someone resumes it */
    @POST
    @Path("/{id}/pause")
    public Response pause(@PathParam("id") String id, @FormParam("resumeOn") String resumeOn) {
        OrganisationId org = ConsoleIds.organisation(id);
        ConsoleErrors.attempt(() -> InvoicePage.optionalDate(resumeOn)
                .map(day -> actions.pauseUntil(signedIn.access(), org, day))
                .orElseGet(() -> actions.pause(signedIn.access(), org)));
        return backTo(org);
    }

    /** In preview: keeps one action out of the go-live. */
    @POST
    @Path("/{id}/queue/{action}/exclude")
    public Response exclude(@PathParam("id") String id, @PathParam("action") String action) {
        return changeQueue(id, action, actions::exclude);
    }

    /** In preview: undoes an exclusion. */
    @POST
    @Path("/{id}/queue/{action}/include")
    public Response include(@PathParam("id") String id, @PathParam("action") String action) {
        return changeQueue(id, action, actions::include);
    }

    /** Live: one pending action is not sent, for good. */
    @POST
    @Path("/{id}/queue/{action}/stop")
    public Response stop(@PathParam("id") String id, @PathParam("action") String action) {
        return changeQueue(id, action, actions::stop);
    }

    /** Live: a pending reminder goes out at the dispatcher's next round (within the send rules). */
    @POST
    @Path("/{id}/queue/{action}/chase")
    public Response chaseNow(@PathParam("id") String id, @PathParam("action") String action) {
        return changeQueue(id, action, actions::chaseNow);
    }

    private interface QueueChange {
        OutboxEntry apply(ConsoleAccess access, OrganisationId organisation, UUID action);
    }

    /** Checks the user may change the organisation before looking at the action's id: a viewer learns nothing. */
    private Response changeQueue(String id, String action, QueueChange change) {
        OrganisationId org = ConsoleIds.organisation(id);
        ConsoleAccess access = signedIn.access();
        access.requireChange(org);
        UUID actionId = ConsoleIds.action(action);
        ConsoleErrors.attempt(() -> change.apply(access, org, actionId));
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
