package dev.arrears.web.console;

import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.UnknownOrganisationException;
import dev.arrears.application.console.ConsoleAccess;
import dev.arrears.application.console.NotAllowedException;
import dev.arrears.application.console.OrganisationActions;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The firm overview and the organisation page, with the organisation's mode changes. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsolePages {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance overview(SignedIn.Frame frame, List<Organisation> organisations);

        static native TemplateInstance organisation(SignedIn.Frame frame, Organisation organisation, boolean canChange);

        static native TemplateInstance refused(SignedIn.Frame frame, String message);
    }

    private final SignedIn signedIn;
    private final OrganisationStore organisations;
    private final OrganisationActions actions;

    public ConsolePages(SignedIn signedIn, OrganisationStore organisations, OrganisationActions actions) {
        this.signedIn = signedIn;
        this.organisations = organisations;
        this.actions = actions;
    }

    @GET
    public TemplateInstance overview() {
        ConsoleAccess access = signedIn.access();
        List<Organisation> visible = organisations.list().stream().filter(o -> access.canRead(o.id())).toList();
        return Templates.overview(signedIn.frame("overview"), visible);
    }

    @GET
    @Path("/organisations/{id}")
    public TemplateInstance organisation(@PathParam("id") String id) {
        ConsoleAccess access = signedIn.access();
        OrganisationId org = ConsoleIds.organisation(id);
        access.requireRead(org);
        Organisation organisation = organisations.find(org).orElseThrow(() -> new UnknownOrganisationException(org));
        return Templates.organisation(signedIn.frame("overview"), organisation, access.canChange(org));
    }

    @POST
    @Path("/organisations/{id}/pause")
    public Response pause(@PathParam("id") String id) {
        OrganisationId org = ConsoleIds.organisation(id);
        actions.pause(signedIn.access(), org);
        return backTo(org);
    }

    @POST
    @Path("/organisations/{id}/resume")
    public Response resume(@PathParam("id") String id) {
        OrganisationId org = ConsoleIds.organisation(id);
        actions.resume(signedIn.access(), org);
        return backTo(org);
    }

    @POST
    @Path("/organisations/{id}/live")
    public Response goLive(@PathParam("id") String id) {
        OrganisationId org = ConsoleIds.organisation(id);
        actions.goLive(signedIn.access(), org);
        return backTo(org);
    }

    static Response backTo(OrganisationId org) {
        return Response.seeOther(URI.create("/console/organisations/" + org)).build();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return page(Response.Status.FORBIDDEN, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unknown(UnknownOrganisationException e) {
        return page(Response.Status.NOT_FOUND, "There is no such organisation.");
    }

    /** A mode change the organisation's mode does not allow (live from paused, ...). */
    @ServerExceptionMapper
    public Response conflict(IllegalStateException e) {
        return page(Response.Status.CONFLICT, e.getMessage());
    }

    private Response page(Response.Status status, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.refused(signedIn.frame(""), message).render()).build();
    }
}
