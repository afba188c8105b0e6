package dev.arrears.web.admin;

import dev.arrears.application.policy.OrganisationSettingsEditing;
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
 * Import and export of each organisation's settings kept in the database, as {@link PoliciesResource}
 * does for policies: the latest version of every document, one document's text (any version), and a
 * text saved as a document's next version after the same checks as at start-up. A name is the file's
 * name in {@code config/organisations} ({@code northwind.yaml}), so the folder can be exported and
 * imported file by file.
 */
@Path("/admin/organisation-settings")
public class OrganisationSettingsResource {

    private final OrganisationSettingsEditing editing;

    public OrganisationSettingsResource(OrganisationSettingsEditing editing) {
        this.editing = editing;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<PoliciesResource.DocumentView> list() {
        return editing.export().stream().map(PoliciesResource.DocumentView::of).toList();
    }

    /** The text of the latest version, or of {@code ?version=N}. */
    @GET
    @Path("/{name}")
    @Produces({"application/yaml", MediaType.TEXT_PLAIN})
    public Response export(@PathParam("name") String name, @QueryParam("version") Integer version) {
        return PoliciesResource.text(version == null ? editing.export().stream().filter(d -> d.name().equals(name)).findFirst()
                : editing.anyVersion(name, version), "there are no organisation settings " + name + (version == null ? "" : " version " + version));
    }

    /** Saves the body as the document's next version when it passes every check; 422 with every problem otherwise. */
    @PUT
    @Path("/{name}")
    @Consumes({"application/yaml", MediaType.TEXT_PLAIN, "text/yaml", "application/x-yaml"})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importDocument(@PathParam("name") String name, String body) {
        return PoliciesResource.answer(editing.importDocument(name, body == null ? "" : body, "operator"));
    }
}
