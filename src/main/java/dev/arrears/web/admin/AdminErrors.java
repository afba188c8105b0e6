package dev.arrears.web.admin;

import dev.arrears.application.UnknownOrganisationException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Errors of the admin API as {"error": "..."} with the right status. (Mode conflicts: {@link OrganisationsResource}.) */
public class AdminErrors {

    @ServerExceptionMapper
    public Response unknown(UnknownOrganisationException e) {
        return error(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response badRequest(BadRequestException e) {
        return error(Response.Status.BAD_REQUEST, e.getMessage());
    }

    static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
