package dev.arrears.web.console;

import dev.arrears.application.console.ConsoleAccess;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The user behind this request, as the session mechanism found them. */
@RequestScoped
public class SignedIn {

    private final SecurityIdentity identity;

    public SignedIn(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Only called on paths the permission rules keep for signed-in users. */
    public ConsoleAccess access() {
        ConsoleAccess access = identity.getAttribute(ConsoleIdentityProvider.ACCESS);
        if (access == null) {
            throw new IllegalStateException("no console session on a console page: check the permission rules");
        }
        return access;
    }

    /** What every page's frame shows: the user, a sign-out button and the CSRF token for its forms. */
    public Frame frame(String current) {
        ConsoleAccess access = access();
        return new Frame(access.user().displayName(), access.user().role().label(),
                identity.getAttribute(ConsoleIdentityProvider.CSRF), access.changesAnything(), access.administersUsers(), current);
    }

    /**
     * @param csrf       the session's token, put in every form and in htmx's request headers
     * @param canChange  false for viewers: the pages show no buttons that change anything (the server
     *                   refuses such requests anyway)
     * @param current    which navigation entry is the current page
     */
    public record Frame(String userName, String roleLabel, String csrf, boolean canChange, boolean administersUsers,
                        String current) {
    }
}
