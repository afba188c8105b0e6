package dev.arrears.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the console offers single sign-on (OpenID Connect), and the provider's name on the sign-in
 * page. Enabled when the OIDC default tenant is ({@code ARREARS_CONSOLE_OIDC_ENABLED=true}, or
 * {@code QUARKUS_OIDC_TENANT_ENABLED=true}); see docs/console.md.
 */
@ApplicationScoped
public class SingleSignOn {

    /** The session cookie of Quarkus OIDC's default tenant; its path is /console (application.properties). */
    static final String OIDC_SESSION_COOKIE = "q_session";

    private final boolean enabled;
    private final String providerName;

    public SingleSignOn(@ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean enabled,
                        @ConfigProperty(name = "arrears.console.oidc.provider-name", defaultValue = "single sign-on") String providerName) {
        this.enabled = enabled;
        this.providerName = providerName;
    }

    /** Quarkus OIDC splits a session cookie too large for one (big ID tokens) into numbered chunks. */
    static boolean hasProviderSession(Set<String> cookieNames) {
        return cookieNames.stream().anyMatch(n -> n.equals(OIDC_SESSION_COOKIE) || n.startsWith(OIDC_SESSION_COOKIE + "_chunk_"));
    }

    public boolean enabled() {
        return enabled;
    }

    public String providerName() {
        return providerName;
    }
}
