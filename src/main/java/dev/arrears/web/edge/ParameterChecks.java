package dev.arrears.web.edge;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Path and query parameters are ids, codes and names: no control characters (a NUL cannot even be
 * stored in PostgreSQL text) and at most {@link #MAX_LENGTH} characters. Checked once here for every
 * endpoint, before any resource or query sees them.
 */
public class ParameterChecks {

    static final int MAX_LENGTH = 500;

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request) {
        Optional<String> bad = firstBad(request.getUriInfo().getPathParameters(), "path parameter")
                .or(() -> firstBad(request.getUriInfo().getQueryParameters(), "query parameter"));
        return bad.map(message -> ApiErrors.error(Response.Status.BAD_REQUEST, message));
    }

    private static Optional<String> firstBad(MultivaluedMap<String, String> parameters, String kind) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey().matches("[A-Za-z0-9_]{1,40}") ? parameter.getKey() : "?";
            for (String value : parameter.getValue()) {
                if (value.length() > MAX_LENGTH) {
                    return Optional.of(kind + " '" + name + "' is longer than " + MAX_LENGTH + " characters");
                }
                if (TextChecks.hasControl(value, false)) {
                    return Optional.of(kind + " '" + name + "' contains control characters");
                }
            }
        }
        return Optional.empty();
    }
}
