package dev.arrears.web.console;

import static dev.arrears.web.console.EditorForms.lines;
import static dev.arrears.web.console.EditorForms.readable;
import static dev.arrears.web.console.EditorForms.text;
import static dev.arrears.web.console.EditorForms.trimmed;

import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.console.ConsoleAccess;
import dev.arrears.application.policy.LineDiff;
import dev.arrears.application.policy.PolicyDocument;
import dev.arrears.application.policy.PolicyEditing;
import dev.arrears.application.policy.PolicyEditing.DocumentLine;
import dev.arrears.domain.policy.Policy;
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
 * The Policies page: every policy document with its versions, a YAML editor whose problems name the
 * file and field as start-up does, a 60-day forecast on an organisation's own invoices before saving,
 * a diff between two versions, and which policy each organisation is chased under. What is saved
 * applies from the next cycle.
 */
@Path("/console/policies")
@Produces(MediaType.TEXT_HTML)
public class PoliciesPage {

    /** What a new override starts from in the editor. */
    static final String NEW_ORGANISATION_OVERRIDE = """
            # Changes the firm default for one organisation: write only what differs. See config/README.md.
            applies_to:
              organisation: %s
            stages:
              - name: Hand to a person
                day: 45
            """;

    /** The editor's state: the document, the text shown, the problems found and what was saved. */
    public record Editor(String name, String file, String kind, int basedOn, String content, boolean canChange, List<String> problems,
                         Optional<String> notice) {
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance policies(SignedIn.Frame frame, List<DocumentLine> documents, List<Organisation> organisations,
                                                List<Organisation> changeable, List<Policy> policies);

        static native TemplateInstance policy(SignedIn.Frame frame, Editor editor, List<PolicyDocument> versions,
                                              List<Organisation> organisations);

        static native TemplateInstance policyProblems(List<String> problems, boolean usable);

        static native TemplateInstance policyForecast(PolicyEditing.ForecastView forecast);

        /** Shared by the Templates page: {@code back} is the editor the diff was opened from. */
        static native TemplateInstance policyDiff(SignedIn.Frame frame, String name, int from, int to, List<LineDiff.Line> lines, String back);
    }

    private final SignedIn signedIn;
    private final PolicyEditing editing;
    private final OrganisationStore organisations;
    private final dev.arrears.application.policy.PoliciesInForce inForce;

    public PoliciesPage(SignedIn signedIn, PolicyEditing editing, OrganisationStore organisations,
                        dev.arrears.application.policy.PoliciesInForce inForce) {
        this.signedIn = signedIn;
        this.editing = editing;
        this.organisations = organisations;
        this.inForce = inForce;
    }

    @GET
    public TemplateInstance list() {
        ConsoleAccess access = signedIn.access();
        List<Organisation> visible = organisations.list().stream().filter(o -> access.canRead(o.id())).toList();
        return Templates.policies(signedIn.frame("policies"), editing.documents(access), visible,
                visible.stream().filter(o -> access.canChange(o.id())).toList(), inForce.current().all());
    }

    /**
     * The editor on the latest version of {@code name} (or {@code version}); a name with no version yet
     * opens an empty editor (or, with {@code organisation}, an override of that organisation to start from).
     */
    @GET
    @Path("/edit")
    public TemplateInstance edit(@QueryParam("name") String name, @QueryParam("version") Integer version,
                                 @QueryParam("organisation") String organisation, @QueryParam("saved") Integer saved) {
        ConsoleAccess access = signedIn.access();
        String wanted = name == null ? "" : name.strip();
        List<PolicyDocument> versions = ConsoleErrors.attempt(() -> editing.history(access, wanted));
        Optional<PolicyDocument> shown = version == null ? versions.stream().findFirst()
                : versions.stream().filter(v -> v.version() == version).findFirst();
        if (version != null && shown.isEmpty()) {
            throw ConsoleErrors.notFound("version of this policy");
        }
        String content = shown.map(PolicyDocument::content).orElseGet(() -> organisation == null ? ""
                : NEW_ORGANISATION_OVERRIDE.formatted(ConsoleIds.organisation(organisation)));
        int latest = versions.stream().findFirst().map(PolicyDocument::version).orElse(0);
        Optional<String> notice = Optional.ofNullable(saved).map(v -> "Saved as version " + v
                + ". It applies from the next cycle; decisions name the version they were made under.");
        return Templates.policy(signedIn.frame("policies"), editor(access, wanted, latest, content, List.of(), notice), versions,
                readable(organisations, access));
    }

    /** Checks the text as start-up would (htmx: the problems list). */
    @POST
    @Path("/check")
    public TemplateInstance check(@FormParam("name") String name, @FormParam("content") String content) {
        signedIn.access();
        return switch (editing.check(trimmed(name), text(content))) {
            case PolicyEditing.Refused refused -> Templates.policyProblems(lines(refused), false);
            default -> Templates.policyProblems(List.of(), true);
        };
    }

    /** The next 60 days of the chosen organisation's invoices under the text (htmx: the forecast, or the problems). */
    @POST
    @Path("/forecast")
    public TemplateInstance forecast(@FormParam("name") String name, @FormParam("content") String content,
                                     @FormParam("organisation") String organisation) {
        ConsoleAccess access = signedIn.access();
        if (editing.check(trimmed(name), text(content)) instanceof PolicyEditing.Refused refused) {
            return Templates.policyProblems(lines(refused), false);
        }
        if (organisation == null || organisation.isBlank()) {
            return Templates.policyProblems(List.of("Choose an organisation whose invoices the forecast runs on."), false);
        }
        return Templates.policyForecast(ConsoleErrors.attempt(() ->
                editing.forecast(access, ConsoleIds.organisation(organisation), trimmed(name), text(content))));
    }

    /** Saves the text as the next version; the editor again with every problem when it cannot be used. */
    @POST
    @Path("/save")
    public Response save(@FormParam("name") String name, @FormParam("content") String content, @FormParam("basedOn") Integer basedOn) {
        ConsoleAccess access = signedIn.access();
        String document = trimmed(name);
        PolicyEditing.Outcome outcome = ConsoleErrors.attempt(() -> editing.save(access, document, text(content), basedOn == null ? 0 : basedOn));
        return switch (outcome) {
            case PolicyEditing.Saved saved -> Response.seeOther(editorUri(document, saved.version().version())).build();
            case PolicyEditing.Unchanged same -> Response.seeOther(editorUri(document, same.latest().version())).build();
            case PolicyEditing.Refused refused -> Response.status(422).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.policy(signedIn.frame("policies"), editor(access, document, basedOn == null ? 0 : basedOn,
                            text(content), lines(refused), Optional.empty()), ConsoleErrors.attempt(() -> editing.history(access, document)),
                            readable(organisations, access)).render()).build();
            case PolicyEditing.Usable usable -> throw new IllegalStateException("a save saves or refuses");
        };
    }

    /** The lines between two versions of a document. */
    @GET
    @Path("/diff")
    public TemplateInstance diff(@QueryParam("name") String name, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        ConsoleAccess access = signedIn.access();
        if (from == null || to == null) {
            throw new ConsoleErrors.Refusal(Response.Status.BAD_REQUEST, "Choose two versions to compare.");
        }
        String document = trimmed(name);
        return Templates.policyDiff(signedIn.frame("policies"), document, from, to,
                ConsoleErrors.attempt(() -> editing.diff(access, document, from, to)),
                "/console/policies/edit?name=" + URLEncoder.encode(document, StandardCharsets.UTF_8));
    }

    /** Chases an organisation's invoices under another full policy from the next cycle on. */
    @POST
    @Path("/assignments")
    public Response assign(@FormParam("organisation") String organisation, @FormParam("policy") String policy) {
        ConsoleAccess access = signedIn.access();
        ConsoleErrors.attempt(() -> editing.assign(access, ConsoleIds.organisation(organisation), trimmed(policy)));
        return Response.seeOther(URI.create("/console/policies")).build();
    }

    private Editor editor(ConsoleAccess access, String name, int basedOn, String content, List<String> problems, Optional<String> notice) {
        return new Editor(name, name.isEmpty() ? "" : fileOf(name), kindOf(name), basedOn, content,
                !name.isEmpty() && editing.mayChange(access, name), problems, notice);
    }

    private String fileOf(String name) {
        return editing.fileOf(name);
    }

    private static String kindOf(String name) {
        return PolicyEditing.kindOf(name);
    }

    private static URI editorUri(String name, int version) {
        return URI.create("/console/policies/edit?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&saved=" + version);
    }
}
