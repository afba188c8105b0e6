package dev.arrears.web.console;

import dev.arrears.application.console.ConsoleAccounts;
import dev.arrears.application.console.SignInResult;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/** The sign-in page, signing in and signing out. */
@Path("/console")
public class SignInResource {

    static final String SIGN_OUT_PATH = "/console/logout";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    @CheckedTemplate(basePath = "console")
    static class Templates {
        /** @param sso the single sign-on provider's name, or null when single sign-on is off */
        static native TemplateInstance login(String csrf, String username, String error, String sso);
    }

    private final ConsoleAccounts accounts;
    private final ConsoleCookies cookies;
    private final SingleSignOn sso;

    public SignInResource(ConsoleAccounts accounts, ConsoleCookies cookies, SingleSignOn sso) {
        this.accounts = accounts;
        this.cookies = cookies;
        this.sso = sso;
    }

    @GET
    @Path("/login")
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        return form(Response.ok(), "", null);
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@FormParam("username") String username, @FormParam("password") String password) {
        SignInResult result = accounts.signIn(username, password);
        return switch (result) {
            case SignInResult.SignedIn signedIn -> Response.seeOther(URI.create("/console"))
                    .cookie(cookies.session(signedIn.token()), cookies.expired(CsrfGuard.SIGN_IN_COOKIE, "/console/login"))
                    .build();
            case SignInResult.Refused refused -> form(Response.status(Response.Status.UNAUTHORIZED), username,
                    "The user name or the password is not right.");
            case SignInResult.Locked locked -> form(Response.status(Response.Status.TOO_MANY_REQUESTS), username,
                    "Too many failed sign-ins under this name. Try again after " + TIME.format(locked.until()) + ".");
        };
    }

    @POST
    @Path("/logout")
    @Produces(MediaType.TEXT_HTML)
    public Response signOut(@CookieParam(ConsoleSessionMechanism.SESSION_COOKIE) String token, @Context HttpHeaders headers) {
        accounts.signOut(token);
        // Signed in through the provider: its session here ends too, and at the provider if it offers that.
        boolean withProvider = sso.enabled() && SingleSignOn.hasProviderSession(headers.getCookies().keySet());
        return Response.seeOther(URI.create(withProvider ? SingleSignOnResource.SIGN_OUT_PATH : "/console/login"))
                .cookie(cookies.expired(ConsoleSessionMechanism.SESSION_COOKIE, "/console")).build();
    }

    /** Each showing of the form gets a fresh token in a cookie only this path receives (login CSRF). */
    private Response form(Response.ResponseBuilder response, String username, String error) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        NewCookie cookie = cookies.signInToken(token);
        return response.entity(Templates.login(token, username == null ? "" : username, error,
                sso.enabled() ? sso.providerName() : null).render()).cookie(cookie)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
