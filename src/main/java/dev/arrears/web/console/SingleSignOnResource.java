package dev.arrears.web.console;

import dev.arrears.application.console.ConsoleAccounts;
import dev.arrears.application.console.FederatedIdentity;
import dev.arrears.application.console.SingleSignOnResult;
import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Single sign-on. Quarkus OIDC (authorization code flow, only on these paths) sends the browser to
 * the identity provider and back, and verifies the ID token; this resource then matches it to a
 * console user and opens the same console session a password sign-in opens.
 */
@Path("/console/sso")
public class SingleSignOnResource {

    static final String SIGN_OUT_PATH = "/console/sso/logout";

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance ssoSignedIn(String name);

        static native TemplateInstance ssoRefused(String provider, String reason);
    }

    private final ConsoleAccounts accounts;
    private final ConsoleCookies cookies;
    private final SingleSignOn sso;

    @Inject
    @IdToken
    JsonWebToken idToken;
    @Inject
    OidcSession oidcSession;

    public SingleSignOnResource(ConsoleAccounts accounts, ConsoleCookies cookies, SingleSignOn sso) {
        this.accounts = accounts;
        this.cookies = cookies;
        this.sso = sso;
    }

    /**
     * Answers with a page that moves on to the overview itself rather than with a redirect: the
     * browser arrives here from the provider's site, and a SameSite=Strict cookie set in a chain of
     * redirects that another site started is not sent on its next step. The page's own navigation is
     * same-site, so the overview receives the session.
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response signIn() {
        if (!sso.enabled()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        FederatedIdentity identity = new FederatedIdentity(idToken.getIssuer(), idToken.getSubject(), text(idToken.getClaim("email")),
                yes(idToken.getClaim("email_verified")));
        return switch (accounts.signIn(identity, sso.providerName())) {
            case SingleSignOnResult.SignedIn signedIn -> Response.ok(Templates.ssoSignedIn(signedIn.user().displayName()).render())
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).cookie(cookies.session(signedIn.token())).build();
            case SingleSignOnResult.Refused refused -> {
                // The provider's session here ends too, so that "try again" may use another account.
                oidcSession.logout().await().indefinitely();
                yield Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .entity(Templates.ssoRefused(sso.providerName(), refused.reason()).render()).build();
            }
        };
    }

    /**
     * Reached after the console session has ended (SignInResource). With a provider session, Quarkus
     * OIDC has already sent the browser to the provider's end-session endpoint (RP-initiated logout)
     * when the provider has one; otherwise the local OIDC session ends here.
     */
    @GET
    @Path("/logout")
    public Response signOut() {
        if (sso.enabled() && idToken != null && idToken.getRawToken() != null) {
            oidcSession.logout().await().indefinitely();
        }
        return Response.seeOther(URI.create(ConsoleSessionMechanism.SIGN_IN_PATH)).build();
    }

    private static Optional<String> text(Object claim) {
        return claim instanceof JsonString json ? Optional.of(json.getString()) : Optional.ofNullable(claim).map(Object::toString);
    }

    private static boolean yes(Object claim) {
        return claim != null && "true".equalsIgnoreCase(claim.toString());
    }
}
