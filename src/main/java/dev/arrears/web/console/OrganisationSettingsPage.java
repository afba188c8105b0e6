package dev.arrears.web.console;

import static dev.arrears.web.console.EditorForms.lines;
import static dev.arrears.web.console.EditorForms.text;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.console.ConsoleAccess;
import dev.arrears.application.policy.LineDiff;
import dev.arrears.application.policy.OrganisationSettingsEditing;
import dev.arrears.application.policy.PolicyEditing;
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
import java.util.List;
import java.util.Optional;

/**
 * An organisation's own settings (send window, holidays, minimum gap, weekly cap): the send rules in
 * force, a YAML editor whose problems name the file and field as start-up does, the versions and the
 * changes between two of them. What is saved applies from the next cycle. A firm admin or the
 * organisation's accountant may save; a viewer reads.
 */
@Path("/console/organisations/{org}/settings")
@Produces(MediaType.TEXT_HTML)
public class OrganisationSettingsPage {

    /** The editor's state: the text shown, the version it was based on, the problems and what was saved. */
    public record Editor(String content, int basedOn, List<String> problems, Optional<String> notice) {
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance organisationSettings(SignedIn.Frame frame, OrganisationSettingsEditing.View settings,
                                                            Editor editor, List<LineDiff.Line> diff);
    }

    private final SignedIn signedIn;
    private final OrganisationSettingsEditing editing;

    public OrganisationSettingsPage(SignedIn signedIn, OrganisationSettingsEditing editing) {
        this.signedIn = signedIn;
        this.editing = editing;
    }

    /** The settings in force and the editor on the latest version; with {@code from} and {@code to}, the changes between them. */
    @GET
    public TemplateInstance show(@PathParam("org") String org, @QueryParam("saved") Integer saved, @QueryParam("from") Integer from,
                                 @QueryParam("to") Integer to) {
        ConsoleAccess access = signedIn.access();
        OrganisationId id = ConsoleIds.organisation(org);
        OrganisationSettingsEditing.View view = ConsoleErrors.attempt(() -> editing.view(access, id));
        List<LineDiff.Line> diff = from == null || to == null ? List.of() : ConsoleErrors.attempt(() -> editing.diff(access, id, from, to));
        Optional<String> notice = Optional.ofNullable(saved).map(v -> "Saved as version " + v + ". The send rules apply from the next cycle.");
        return Templates.organisationSettings(signedIn.frame("overview"), view,
                new Editor(view.content(), view.latestVersion(), List.of(), notice), diff);
    }

    /** Checks the text as start-up would (htmx: the problems list). */
    @POST
    @Path("/check")
    public TemplateInstance check(@PathParam("org") String org, @FormParam("content") String content) {
        ConsoleAccess access = signedIn.access();
        return switch (ConsoleErrors.attempt(() -> editing.check(access, ConsoleIds.organisation(org), text(content)))) {
            case PolicyEditing.Refused refused -> PoliciesPage.Templates.policyProblems(lines(refused), false);
            default -> PoliciesPage.Templates.policyProblems(List.of(), true);
        };
    }

    /** Saves the text as the next version; the page again with every problem (422) when it cannot be used. */
    @POST
    @Path("/save")
    public Response save(@PathParam("org") String org, @FormParam("content") String content, @FormParam("basedOn") Integer basedOn) {
        ConsoleAccess access = signedIn.access();
        OrganisationId id = ConsoleIds.organisation(org);
        int opened = basedOn == null ? 0 : basedOn;
        return switch (ConsoleErrors.attempt(() -> editing.save(access, id, text(content), opened))) {
            case PolicyEditing.Saved saved -> Response.seeOther(uri(id, saved.version().version())).build();
            case PolicyEditing.Unchanged same -> Response.seeOther(uri(id, same.latest().version())).build();
            case PolicyEditing.Refused refused -> Response.status(422).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.organisationSettings(signedIn.frame("overview"), editing.view(access, id),
                            new Editor(text(content), opened, lines(refused), Optional.empty()), List.of()).render()).build();
            case PolicyEditing.Usable usable -> throw new IllegalStateException("a save saves or refuses");
        };
    }

    /** Sets the organisation's limitation period from the next cycle on. */
    @POST
    @Path("/limitation")
    public Response limitation(@PathParam("org") String org, @FormParam("years") Integer years,
                               @FormParam("warnDaysBefore") Integer warnDaysBefore) {
        ConsoleAccess access = signedIn.access();
        OrganisationId id = ConsoleIds.organisation(org);
        ConsoleErrors.attempt(() -> editing.setLimitation(access, id, years, warnDaysBefore));
        return Response.seeOther(URI.create("/console/organisations/" + id + "/settings")).build();
    }

    private static URI uri(OrganisationId id, int version) {
        return URI.create("/console/organisations/" + id + "/settings?saved=" + version);
    }
}
