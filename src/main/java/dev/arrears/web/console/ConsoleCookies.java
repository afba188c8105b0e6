package dev.arrears.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's cookies: HttpOnly (no script reads them), SameSite=Strict (no other site's page
 * sends them), Secure unless {@code arrears.console.secure-cookies=false}. The session cookie has no
 * Max-Age: it goes when the browser closes, and the server ends it on idle time and lifetime anyway.
 */
@ApplicationScoped
public class ConsoleCookies {

    private final boolean secure;

    public ConsoleCookies(@ConfigProperty(name = "arrears.console.secure-cookies", defaultValue = "true") boolean secure) {
        this.secure = secure;
    }

    NewCookie session(String token) {
        return base(ConsoleSessionMechanism.SESSION_COOKIE, token, "/console").build();
    }

    NewCookie signInToken(String token) {
        return base(CsrfGuard.SIGN_IN_COOKIE, token, ConsoleSessionMechanism.SIGN_IN_PATH).maxAge(3600).build();
    }

    NewCookie expired(String name, String path) {
        return base(name, "", path).maxAge(0).build();
    }

    private NewCookie.Builder base(String name, String value, String path) {
        return new NewCookie.Builder(name).value(value).path(path).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT);
    }
}
