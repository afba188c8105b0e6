package dev.arrears.web.console;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.console.ConsoleAccounts;
import dev.arrears.application.console.ConsoleUser;
import dev.arrears.application.console.ConsoleViews;
import dev.arrears.application.console.TaskBoard;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Everything waiting for a person, each closed with an outcome the engine takes into account. */
@Path("/console/tasks")
@Produces(MediaType.TEXT_HTML)
public class TasksPage {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance tasks(SignedIn.Frame frame, List<TaskBoard.Task> tasks, List<ConsoleUser> colleagues);
    }

    private final SignedIn signedIn;
    private final ConsoleAccounts accounts;
    private final TaskBoard board;
    private final ConsoleViews views;
    private final Clock clock;

    public TasksPage(SignedIn signedIn, ConsoleAccounts accounts, TaskBoard board, ConsoleViews views, Clock clock) {
        this.signedIn = signedIn;
        this.accounts = accounts;
        this.board = board;
        this.views = views;
        this.clock = clock;
    }

    @GET
    public TemplateInstance tasks() {
        return Templates.tasks(signedIn.frame("tasks"), board.open(signedIn.access()), accounts.colleagues(signedIn.access()));
    }

    @POST
    @Path("/{org}/{action}/assign")
    public Response assign(@PathParam("org") String orgId, @PathParam("action") String actionId,
                           @FormParam("username") String username) {
        OrganisationId org = ConsoleIds.organisation(orgId);
        UUID action = parseAction(actionId);
        ConsoleErrors.attempt(() -> {
            board.assign(signedIn.access(), org, action, username);
            return action;
        });
        return Response.seeOther(URI.create("/console/tasks")).build();
    }

    /**
     * @param outcome      promise, dispute, hold, plan or resolved
     * @param payBy        the promised date (promise), or the first instalment's (plan)
     * @param note         the reason (dispute, hold) or a note (resolved)
     * @param instalments  how many monthly instalments (plan)
     */
    @POST
    @Path("/{org}/{action}/close")
    public Response close(@PathParam("org") String orgId, @PathParam("action") String actionId,
                          @FormParam("invoice") String invoiceId, @FormParam("outcome") String outcome,
                          @FormParam("payBy") String payBy, @FormParam("note") String note,
                          @FormParam("instalments") String instalments) {
        OrganisationId org = ConsoleIds.organisation(orgId);
        signedIn.access().requireChange(org);
        UUID action = parseAction(actionId);
        String customerId = invoiceId == null ? "" : views.invoice(org, invoiceId, clock.instant())
                .map(ConsoleViews.InvoiceLine::customerId).orElse("");
        ConsoleErrors.attempt(() -> {
            TaskBoard.Outcome closing = switch (outcome == null ? "" : outcome) {
                case "promise" -> new TaskBoard.Outcome.PromiseToPay(InvoicePage.optionalDate(payBy)
                        .orElseThrow(() -> new IllegalArgumentException("Say the date the customer will pay by.")));
                case "dispute" -> new TaskBoard.Outcome.Dispute(note);
                case "hold" -> new TaskBoard.Outcome.Hold(note);
                case "plan" -> new TaskBoard.Outcome.PaymentPlan(count(instalments), InvoicePage.optionalDate(payBy)
                        .orElseThrow(() -> new IllegalArgumentException("Say the date the first instalment is due.")));
                case "resolved" -> new TaskBoard.Outcome.Resolved(note);
                default -> throw new IllegalArgumentException(
                        "Choose how the task ends: promise, dispute, hold, payment plan or resolved.");
            };
            board.close(signedIn.access(), org, action, customerId, closing);
            return closing;
        });
        return Response.seeOther(URI.create("/console/tasks")).build();
    }

    private static int count(String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Say how many instalments (a whole number).");
        }
    }

    private static UUID parseAction(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ConsoleErrors.notFound("task");
        }
    }
}
