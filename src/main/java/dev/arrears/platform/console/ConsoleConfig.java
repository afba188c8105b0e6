package dev.arrears.platform.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code arrears.console.*}: sessions, sign-in throttling and the first firm admin. See docs/console.md. */
@ConfigMapping(prefix = "arrears.console")
public interface ConsoleConfig {

    /** A session unused this long ends. */
    @WithDefault("PT30M")
    Duration idleTimeout();

    /** A session ends this long after sign-in, however much it is used. */
    @WithDefault("PT12H")
    Duration sessionLifetime();

    /** Failed sign-ins under one user name, within {@link #failureWindow()}, before the name is locked. */
    @WithDefault("5")
    int maxFailedSignIns();

    @WithDefault("PT15M")
    Duration failureWindow();

    /** How long a locked user name is refused, even with the right password. */
    @WithDefault("PT15M")
    Duration lockDuration();

    /** The session cookie carries the Secure attribute (browsers still accept it on http://localhost). */
    @WithDefault("true")
    boolean secureCookies();

    /**
     * bcrypt's cost (log2 of its rounds): 12 takes about a quarter of a second per check on a small
     * server, slow for a guesser. Hashes keep the cost they were made with.
     */
    @WithDefault("12")
    int bcryptCost();

    /** Single sign-on through an OpenID Connect provider, off unless enabled (docs/console.md). */
    Oidc oidc();

    /**
     * Read by application.properties into {@code quarkus.oidc.*} (the web layer reads them from there);
     * declared here so that {@code ARREARS_CONSOLE_OIDC_*} are known settings.
     */
    interface Oidc {

        /** Turns on the OIDC default tenant (quarkus.oidc.tenant-enabled). */
        @WithDefault("false")
        boolean enabled();

        /** The provider's issuer URL; its discovery document is read from there at start-up. */
        Optional<String> issuer();

        Optional<String> clientId();

        /** Never logged; also encrypts the OIDC session cookie. */
        Optional<String> clientSecret();

        /** Shown on the sign-in page's button: "Sign in with ...". */
        @WithDefault("single sign-on")
        String providerName();
    }

    /** The first firm admin, created at start-up when there are no users yet (ARREARS_CONSOLE_ADMIN_USERNAME). */
    Optional<String> adminUsername();

    /** Its password (ARREARS_CONSOLE_ADMIN_PASSWORD, at least 12 characters); only its bcrypt hash is stored. */
    Optional<String> adminPassword();
}
