package dev.arrears.web.console;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads the console's session cookie on {@code /console} paths only; every other path (the admin
 * API with its operator token, health, metrics) is left alone. A stale or forged cookie is treated
 * as no cookie: the permission rules then send the browser to the sign-in page. Its scheme,
 * {@value #SCHEME}, is the one application.properties names for the console's paths, so that the
 * single sign-on mechanism (OpenID Connect, when enabled) never answers there but on /console/sso.
 */
@ApplicationScoped
public class ConsoleSessionMechanism implements HttpAuthenticationMechanism {

    static final String SESSION_COOKIE = "arrears_session";
    static final String SIGN_IN_PATH = "/console/login";
    static final String SCHEME = "console";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String path = context.normalizedPath();
        if (!path.equals("/console") && !path.startsWith("/console/")) {
            return Uni.createFrom().nullItem();
        }
        Cookie cookie = context.request().getCookie(SESSION_COOKIE);
        if (cookie == null || cookie.getValue().isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager
                .authenticate(HttpSecurityUtils.setRoutingContextAttribute(new ConsoleSessionRequest(cookie.getValue()), context))
                .onFailure().recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(302, "Location", SIGN_IN_PATH));
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, SESSION_COOKIE, SCHEME));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ConsoleSessionRequest.class);
    }
}
