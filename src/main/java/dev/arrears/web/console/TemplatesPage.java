package dev.arrears.web.console;

import static dev.arrears.web.console.EditorForms.lines;
import static dev.arrears.web.console.EditorForms.readable;
import static dev.arrears.web.console.EditorForms.text;
import static dev.arrears.web.console.EditorForms.trimmed;

import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.console.ConsoleAccess;
import dev.arrears.application.policy.PolicyDocument;
import dev.arrears.application.policy.PolicyEditing;
import dev.arrears.application.policy.TemplateEditing;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The message templates: every template (email subject, text and HTML per language, reminder texts,
 * documents) with its versions, an editor whose Qute syntax errors name the file and line (a broken
 * template is never saved), a preview rendered against one of an organisation's own invoices, and a
 * diff between two versions.
 * Only a firm admin saves; what is saved is used from the next cycle.
 */
@Path("/console/templates")
@Produces(MediaType.TEXT_HTML)
public class TemplatesPage {

    /** The editor's state. */
    public record Editor(String name, String file, int basedOn, String content, boolean canChange, List<String> problems,
                         Optional<String> notice) {
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance templates(SignedIn.Frame frame, List<PolicyDocument> templates);

        static native TemplateInstance template(SignedIn.Frame frame, Editor editor, List<PolicyDocument> versions,
                                                List<Organisation> organisations);

        static native TemplateInstance templatePreview(TemplateEditing.Preview preview);
    }

    private final SignedIn signedIn;
    private final TemplateEditing editing;
    private final OrganisationStore organisations;

    public TemplatesPage(SignedIn signedIn, TemplateEditing editing, OrganisationStore organisations) {
        this.signedIn = signedIn;
        this.editing = editing;
        this.organisations = organisations;
    }

    @GET
    public TemplateInstance list() {
        signedIn.access();
        return Templates.templates(signedIn.frame("templates"), editing.templates());
    }

    @GET
    @Path("/edit")
    public TemplateInstance edit(@QueryParam("name") String name, @QueryParam("saved") Integer saved) {
        ConsoleAccess access = signedIn.access();
        String wanted = trimmed(name);
        List<PolicyDocument> versions = editing.history(wanted);
        if (versions.isEmpty()) {
            throw ConsoleErrors.notFound("template");
        }
        Optional<String> notice = Optional.ofNullable(saved).map(v -> "Saved as version " + v + ". It is used from the next cycle.");
        return Templates.template(signedIn.frame("templates"), new Editor(wanted, editing.fileOf(wanted), versions.getFirst().version(),
                versions.getFirst().content(), TemplateEditing.mayChange(access), List.of(), notice), versions, readable(organisations, access));
    }

    /** Parses the text as start-up would (htmx: the problems list, with the line). */
    @POST
    @Path("/check")
    public TemplateInstance check(@FormParam("name") String name, @FormParam("content") String content) {
        signedIn.access();
        return switch (editing.check(trimmed(name), text(content))) {
            case PolicyEditing.Refused refused -> PoliciesPage.Templates.policyProblems(lines(refused), false);
            default -> PoliciesPage.Templates.policyProblems(List.of(), true);
        };
    }

    /** The email the edited text writes for one of the chosen organisation's open invoices (htmx), or the problems. */
    @POST
    @Path("/preview")
    public TemplateInstance preview(@FormParam("name") String name, @FormParam("content") String content,
                                    @FormParam("organisation") String organisation) {
        ConsoleAccess access = signedIn.access();
        if (editing.check(trimmed(name), text(content)) instanceof PolicyEditing.Refused refused) {
            return PoliciesPage.Templates.policyProblems(lines(refused), false);
        }
        if (organisation == null || organisation.isBlank()) {
            return PoliciesPage.Templates.policyProblems(List.of("Choose an organisation whose invoice the preview uses."), false);
        }
        return Templates.templatePreview(ConsoleErrors.attempt(() ->
                editing.preview(access, ConsoleIds.organisation(organisation), trimmed(name), text(content))));
    }

    /** The lines between two versions of a template; anyone who may read the templates sees it, as the editor. */
    @GET
    @Path("/diff")
    public TemplateInstance diff(@QueryParam("name") String name, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        signedIn.access();
        if (from == null || to == null) {
            throw new ConsoleErrors.Refusal(Response.Status.BAD_REQUEST, "Choose two versions to compare.");
        }
        String template = trimmed(name);
        return PoliciesPage.Templates.policyDiff(signedIn.frame("templates"), template, from, to,
                ConsoleErrors.attempt(() -> editing.diff(template, from, to)),
                "/console/templates/edit?name=" + URLEncoder.encode(template, StandardCharsets.UTF_8));
    }

    /** Saves the text as the next version; the editor again with every problem (422) when it does not parse. */
    @POST
    @Path("/save")
    public Response save(@FormParam("name") String name, @FormParam("content") String content, @FormParam("basedOn") Integer basedOn) {
        ConsoleAccess access = signedIn.access();
        String template = trimmed(name);
        int opened = basedOn == null ? 0 : basedOn;
        return switch (ConsoleErrors.attempt(() -> editing.save(access, template, text(content), opened))) {
            case PolicyEditing.Saved saved -> Response.seeOther(editorUri(template, saved.version().version())).build();
            case PolicyEditing.Unchanged same -> Response.seeOther(editorUri(template, same.latest().version())).build();
            case PolicyEditing.Refused refused -> Response.status(422).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.template(signedIn.frame("templates"), new Editor(template, editing.fileOf(template), opened,
                            text(content), true, lines(refused), Optional.empty()), editing.history(template), readable(organisations, access)).render())
                    .build();
            case PolicyEditing.Usable usable -> throw new IllegalStateException("a save saves or refuses");
        };
    }

    private static URI editorUri(String name, int version) {
        return URI.create("/console/templates/edit?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&saved=" + version);
    }
}
