package dev.arrears.web.security;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every request under {@code /admin} must carry the operator token. Health and metrics stay open
 * for the container platform's probes; they reveal no customer data and change nothing.
 */
@ApplicationScoped
public class OperatorAuthenticationFilter {

    private static final String ADMIN_PREFIX = "admin";
    private final OperatorToken token;

    public OperatorAuthenticationFilter(OperatorConfig settings) {
        this.token = OperatorToken.from(settings.token());
    }

    void warnWhenUnconfigured(@Observes StartupEvent event) {
        if (!token.isConfigured()) {
            Log.warn("No operator token is configured (ARREARS_OPERATOR_TOKEN): the admin API will refuse every request");
        }
    }

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (!trimmed.equals(ADMIN_PREFIX) && !trimmed.startsWith(ADMIN_PREFIX + "/")) {
            return null;
        }
        if (!token.isConfigured()) {
            return refuse(Response.Status.SERVICE_UNAVAILABLE,
                    "The admin API is disabled until an operator token is configured (ARREARS_OPERATOR_TOKEN).");
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return refuse(Response.Status.UNAUTHORIZED, "Send the operator token as 'Authorization: Bearer <token>'.");
        }
        if (!token.matches(header.substring(7).trim())) {
            return refuse(Response.Status.UNAUTHORIZED, "The operator token is not valid.");
        }
        return null;
    }

    private static Response refuse(Response.Status status, String message) {
        return Response.status(status)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"arrears-admin\"")
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message))
                .build();
    }
}
