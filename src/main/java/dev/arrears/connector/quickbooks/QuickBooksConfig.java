package dev.arrears.connector.quickbooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code arrears.quickbooks.*}: the Intuit app, every Intuit URL, limits and sync tuning. Defaults
 * are Intuit's documented production values (../shared/apis/quickbooks/NOTES.md); tests point the
 * URLs at WireMock.
 */
@ConfigMapping(prefix = "arrears.quickbooks")
public interface QuickBooksConfig {

    /** The app's client id (Intuit developer portal, "Keys & credentials"). */
    Optional<String> clientId();

    /** The app's client secret. Set it through ARREARS_QUICKBOOKS_CLIENT_SECRET, never in a file. */
    Optional<String> clientSecret();

    /** Must equal a redirect URI registered for the app, e.g. https://arrears.example.com/quickbooks/oauth/callback. */
    Optional<URI> redirectUri();

    /** production or sandbox: picks {@link #productionApiUrl()} or {@link #sandboxApiUrl()}. */
    @WithDefault("production")
    Environment environment();

    @WithDefault("https://quickbooks.api.intuit.com")
    URI productionApiUrl();

    @WithDefault("https://sandbox-quickbooks.api.intuit.com")
    URI sandboxApiUrl();

    @WithDefault("https://appcenter.intuit.com/connect/oauth2")
    URI authorizeUrl();

    @WithDefault("https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer")
    URI tokenUrl();

    @WithDefault("https://developer.api.intuit.com/v2/oauth2/tokens/revoke")
    URI revokeUrl();

    @WithDefault("com.intuit.quickbooks.accounting")
    String scope();

    /** Sent on every request; Intuit serves 75 for anything lower since 2025-08-01. */
    @WithDefault("75")
    int minorVersion();

    /** How long a state handed out with an authorization URL stays valid. */
    @WithDefault("PT15M")
    Duration authorisationTimeout();

    /** The policy a company connected without naming one is chased under. */
    @WithDefault("default")
    String defaultPolicy();

    Http http();

    Limits limits();

    Tokens tokens();

    Sync sync();

    LateFees lateFees();

    enum Environment { PRODUCTION, SANDBOX }

    default URI apiUrl() {
        return environment() == Environment.SANDBOX ? sandboxApiUrl() : productionApiUrl();
    }

    interface Http {
        @WithDefault("PT10S")
        Duration connectTimeout();

        @WithDefault("PT60S")
        Duration requestTimeout();

        /** Attempts for a read (or a write that certainly was not sent) on 5xx and network errors. */
        @WithDefault("3")
        int attempts();

        @WithDefault("PT1S")
        Duration retryBase();

        @WithDefault("PT20S")
        Duration retryMax();
    }

    interface Limits {
        @WithDefault("500")
        int requestsPerMinute();

        @WithDefault("10")
        int concurrent();

        @WithDefault("40")
        int batchesPerMinute();

        @WithDefault("30")
        int batchItems();

        /** Back-off after a 429 / fault 3001 that names no time: Intuit advises a minute. */
        @WithDefault("PT60S")
        Duration throttleBackoff();

        /** How long a request waits for one of the concurrent slots before giving up for this cycle. */
        @WithDefault("PT30S")
        Duration slotWait();
    }

    interface Tokens {
        /** Refresh the access token when it expires within this margin. */
        @WithDefault("PT5M")
        Duration refreshMargin();

        /** Warn the accountant this long before the refresh token's hard (5-year) expiry. */
        @WithDefault("P30D")
        Duration hardExpiryWarning();

        /** Warn this long before the rolling (100-day) expiry, i.e. when a company has not been used. */
        @WithDefault("P14D")
        Duration rollingExpiryWarning();
    }

    interface Sync {
        @WithDefault("1000")
        int pageSize();

        /** CDC returns at most this many objects and does not page: a full answer means some are missing. */
        @WithDefault("1000")
        int cdcCap();

        /** CDC looks back at most 30 days; beyond this the query endpoint is used instead. */
        @WithDefault("P29D")
        Duration cdcLookBack();

        /** Each CDC window starts this much before the last one ended, so clock skew loses nothing. */
        @WithDefault("PT5M")
        Duration overlap();

        /** Splitting a full CDC window stops at this width and the query endpoint covers the rest. */
        @WithDefault("PT1M")
        Duration smallestWindow();

        /** Ids per "Id IN (...)" query when fetching linked payments or invoices. */
        @WithDefault("100")
        int idsPerQuery();
    }

    interface LateFees {
        /** Name of the Service item Arrears creates when the accountant chose an income account only. */
        @WithDefault("Late fee (Arrears)")
        String itemName();

        /** Accounts whose postings suggest QuickBooks' own automatic late fees are in use. */
        @WithDefault("Late fee income")
        List<String> ledgerLateFeeAccounts();

        /**
         * Tax code for fee lines of companies with none chosen on the console; "NON" (not taxable)
         * suits US companies. Empty: US lines carry NON, others none.
         */
        Optional<String> taxCode();
    }
}
