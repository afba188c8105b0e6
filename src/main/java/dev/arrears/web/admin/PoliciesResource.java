package dev.arrears.web.admin;

import dev.arrears.application.policy.PolicyDocument;
import dev.arrears.application.policy.PolicyEditing;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Import and export of the policies kept in the database: the latest version of every document, one
 * document's text (any version), and a text saved as a document's next version after the same
 * checks as at start-up. A name is relative to the policies folder ({@code default.yaml},
 * {@code organisations/northwind.yaml}), so a folder can be exported and imported file by file.
 */
@Path("/admin/policies")
public class PoliciesResource {

    private static final MediaType YAML = new MediaType("application", "yaml", "UTF-8");

    private final PolicyEditing editing;

    public PoliciesResource(PolicyEditing editing) {
        this.editing = editing;
    }

    /** One document's latest version, without its text. */
    public record DocumentView(String name, int version, String contentHash, String origin, String savedBy, Instant savedAt) {
        static DocumentView of(PolicyDocument d) {
            return new DocumentView(d.name(), d.version(), d.contentHash(), d.origin().name(), d.savedBy(), d.savedAt());
        }
    }

    /** One problem of a refused text. */
    public record ProblemView(String file, String field, String message) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<DocumentView> list() {
        return editing.export().stream().map(DocumentView::of).toList();
    }

    /** The text of the latest version, or of {@code ?version=N}. */
    @GET
    @Path("/{name: .+}")
    @Produces({"application/yaml", MediaType.TEXT_PLAIN})
    public Response export(@PathParam("name") String name, @QueryParam("version") Integer version) {
        return text(version == null ? editing.export().stream().filter(d -> d.name().equals(name)).findFirst()
                : editing.anyVersion(name, version), "there is no policy document " + name + (version == null ? "" : " version " + version));
    }

    /** A version's text, or 404 saying what is missing (also for organisation settings and templates). */
    static Response text(java.util.Optional<PolicyDocument> found, String missing) {
        return text(found.orElseThrow(() -> new NotFoundException(missing)));
    }

    /** One version's text, its version number in a header (also for organisation settings and templates). */
    static Response text(PolicyDocument document) {
        return Response.ok(document.content(), YAML).header("X-Policy-Version", document.version()).build();
    }

    /**
     * Saves the body as the document's next version when it passes every check within the whole set;
     * 422 with every problem otherwise. A body equal to the latest version saves nothing.
     */
    @PUT
    @Path("/{name: .+}")
    @Consumes({"application/yaml", MediaType.TEXT_PLAIN, "text/yaml", "application/x-yaml"})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importDocument(@PathParam("name") String name, String body) {
        return answer(editing.importDocument(name, body == null ? "" : body, "operator"));
    }

    /** The answer to an import: the version saved (or the latest, unchanged), or 422 with every problem. */
    static Response answer(PolicyEditing.Outcome outcome) {
        return switch (outcome) {
            case PolicyEditing.Saved saved -> Response.ok(Map.of("saved", true, "document", DocumentView.of(saved.version()))).build();
            case PolicyEditing.Unchanged same -> Response.ok(Map.of("saved", false, "document", DocumentView.of(same.latest()))).build();
            case PolicyEditing.Refused refused -> Response.status(422).type(MediaType.APPLICATION_JSON).entity(Map.of(
                    "error", refused.problems().size() + " problem(s); nothing saved",
                    "problems", refused.problems().stream().map(p -> new ProblemView(p.file(), p.field(), p.message())).toList())).build();
            case PolicyEditing.Usable usable -> throw new IllegalStateException("an import saves or refuses");
        };
    }
}
