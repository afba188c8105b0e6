package dev.arrears.web.console;

import dev.arrears.application.console.ConsoleAccess;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Every request under {@code /console} that may change something (any method but GET, HEAD and
 * OPTIONS) must carry the session's CSRF token, as the form field {@value #FIELD} or the header
 * {@value #HEADER} (htmx sends it from the page's frame). The sign-in form, sent before there is a
 * session, carries the token of its own short-lived cookie. Viewers are refused here on every
 * such request but signing out, whatever the endpoint: a forgotten check in a resource cannot let
 * them change anything.
 */
@ApplicationScoped
public class CsrfGuard {

    static final String FIELD = "_csrf";
    static final String HEADER = "X-CSRF-Token";
    static final String SIGN_IN_COOKIE = "arrears_sign_in_csrf";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final SecurityIdentity identity;

    public CsrfGuard(SecurityIdentity identity) {
        this.identity = identity;
    }

    @WithFormRead
    @ServerRequestFilter
    public Response check(ResteasyReactiveContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (SAFE.contains(request.getMethod()) || !(path.equals("/console") || path.startsWith("/console/"))) {
            return null;
        }
        String presented = request.getHeaderString(HEADER);
        if (presented == null) {
            Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormParameter(FIELD, true, false);
            presented = field == null ? null : field.toString();
        }
        if (path.equals(ConsoleSessionMechanism.SIGN_IN_PATH)) {
            Cookie cookie = request.getCookies().get(SIGN_IN_COOKIE);
            return same(presented, cookie == null ? null : cookie.getValue()) ? null : refused();
        }
        String expected = identity.getAttribute(ConsoleIdentityProvider.CSRF);
        if (!same(presented, expected)) {
            return refused();
        }
        ConsoleAccess access = identity.getAttribute(ConsoleIdentityProvider.ACCESS);
        if (access != null && !access.changesAnything() && !path.equals(SignInResource.SIGN_OUT_PATH)) {
            return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("A viewer can look but not change anything.").build();
        }
        return null;
    }

    private static boolean same(String presented, String expected) {
        return presented != null && expected != null && !expected.isEmpty()
                && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static Response refused() {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity("This form was not sent from a page of the console, or the page is out of date "
                        + "(its CSRF token is missing or wrong). Reload the page and try again.")
                .build();
    }
}
