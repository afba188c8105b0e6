package dev.arrears.connector.xero;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code arrears.xero.*}. Every Xero address is here, so a sandbox or a stand-in (WireMock in the
 * tests) can take Xero's place.
 */
@ConfigMapping(prefix = "arrears.xero")
public interface XeroConfig {

    /** The app's client id (developer.xero.com → My Apps); env ARREARS_XERO_CLIENT_ID. */
    Optional<String> clientId();

    /** The app's client secret; env ARREARS_XERO_CLIENT_SECRET. Never logged. */
    Optional<String> clientSecret();

    /** Must equal a redirect URI registered on the app, e.g. https://arrears.example.com/xero/callback. */
    Optional<URI> redirectUri();

    /**
     * Granular scopes, required of apps created after 2 March 2026. Apps created earlier may use
     * {@code offline_access accounting.transactions accounting.contacts.read accounting.settings.read}.
     */
    @WithDefault("offline_access,accounting.invoices,accounting.payments,accounting.contacts.read,accounting.settings.read")
    List<String> scopes();

    @WithDefault("https://login.xero.com/identity/connect/authorize")
    URI authorizeUrl();

    /** Token, revocation: {identity-url}/connect/token, {identity-url}/connect/revocation. */
    @WithDefault("https://identity.xero.com")
    URI identityUrl();

    @WithDefault("https://api.xero.com/connections")
    URI connectionsUrl();

    @WithDefault("https://api.xero.com/api.xro/2.0")
    URI apiUrl();

    /** Policy given to organisations registered without naming one. */
    @WithDefault("default")
    String defaultPolicy();

    /** How long a started consent may take to come back to the callback. */
    @WithDefault("PT15M")
    Duration consentLifetime();

    /** Refresh the access token when it expires within this margin. */
    @WithDefault("PT5M")
    Duration refreshAhead();

    @WithDefault("PT10S")
    Duration connectTimeout();

    @WithDefault("PT30S")
    Duration requestTimeout();

    /**
     * How long after its first write began a reminder email whose outcome is unknown (the answer
     * was lost, or the process died mid-call) is asked for again under the same Idempotency-Key.
     * Xero keeps a key for six minutes and answers a repeat from it without emailing again
     * (../shared/apis/xero/NOTES.md §12.4 "retry the same key only within 6 min"); four leave a
     * margin for the re-read and the limiter. After it a person decides. On a simulated clock, scale
     * it like the cadences so that it still means four real minutes.
     */
    @WithDefault("PT4M")
    Duration idempotencyWindow();

    Sync sync();

    Limits limits();

    Retry retry();

    interface Sync {
        /** Xero's largest page. */
        @WithDefault("1000")
        int pageSize();

        /** Incremental reads start this much before the stored high-water mark (clock skew, late commits). */
        @WithDefault("PT5M")
        Duration overlap();

        /** A full re-read of the open invoices this often: incremental reads miss some edits. */
        @WithDefault("PT24H")
        Duration fullRescanEvery();
    }

    interface Limits {
        @WithDefault("60")
        int perMinute();

        @WithDefault("5")
        int concurrent();

        @WithDefault("5000")
        int perDay();

        @WithDefault("10000")
        int appPerMinute();

        /** Invoice emails Xero sends per organisation per day (1,000 paying, 20 trial, 0 demo). */
        @WithDefault("1000")
        int emailsPerDay();

        /** How long an organisation Xero reports offline is left alone. */
        @WithDefault("PT5M")
        Duration offlineBackoff();
    }

    interface Retry {
        /** Attempts of one request on 5xx or a timeout, the first included. */
        @WithDefault("3")
        int attempts();

        @WithDefault("PT0.5S")
        Duration initialBackoff();

        @WithDefault("PT8S")
        Duration maxBackoff();
    }
}
