package dev.arrears.web.admin;

import dev.arrears.application.policy.TemplateEditing;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Import and export of the message templates kept in the database, as {@link PoliciesResource} does for
 * policies. A name is the file's path under {@code config/templates} ({@code friendly.txt},
 * {@code email/en/friendly.subject.txt}), so the folder can be exported and imported file by file; a
 * template that does not parse is refused with its file and line.
 */
@Path("/admin/templates")
public class TemplatesResource {

    private final TemplateEditing editing;

    public TemplatesResource(TemplateEditing editing) {
        this.editing = editing;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<PoliciesResource.DocumentView> list() {
        return editing.templates().stream().map(PoliciesResource.DocumentView::of).toList();
    }

    /** The text of the latest version, or of {@code ?version=N}. */
    @GET
    @Path("/{name: .+}")
    @Produces(MediaType.TEXT_PLAIN)
    public Response export(@PathParam("name") String name, @QueryParam("version") Integer version) {
        Response text = PoliciesResource.text(version == null ? editing.templates().stream().filter(d -> d.name().equals(name)).findFirst()
                : editing.anyVersion(name, version), "there is no template " + name + (version == null ? "" : " version " + version));
        return Response.fromResponse(text).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
    }

    /** Saves the body as the template's next version when every template still parses; 422 with the file and line otherwise. */
    @PUT
    @Path("/{name: .+}")
    @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML, "application/octet-stream"})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importDocument(@PathParam("name") String name, String body) {
        return PoliciesResource.answer(editing.importDocument(name, body == null ? "" : body, "operator"));
    }
}
