package dev.arrears.web.console;

import dev.arrears.application.console.ConsoleAccounts;
import dev.arrears.application.console.ConsoleSessions;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a session cookie into the signed-in user, with what they may see and the session's CSRF token. */
@ApplicationScoped
public class ConsoleIdentityProvider implements IdentityProvider<ConsoleSessionRequest> {

    static final String ACCESS = "arrears.console.access";
    static final String CSRF = "arrears.console.csrf";

    private final ConsoleAccounts accounts;

    public ConsoleIdentityProvider(ConsoleAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<ConsoleSessionRequest> getRequestType() {
        return ConsoleSessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ConsoleSessionRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            ConsoleSessions.Open open = accounts.session(request.token())
                    .orElseThrow(() -> new AuthenticationFailedException("no open console session for this cookie"));
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(open.user().username()))
                    .addRole(open.user().role().name())
                    .addAttribute(ACCESS, accounts.access(open.user()))
                    .addAttribute(CSRF, open.csrfToken())
                    .build();
        });
    }
}
