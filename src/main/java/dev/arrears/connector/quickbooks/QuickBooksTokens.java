package dev.arrears.connector.quickbooks;

import dev.arrears.application.LedgerConnection;
import dev.arrears.application.OAuthTokens;
import dev.arrears.application.OrganisationId;
import dev.arrears.connector.oauth.TokenEndpoint;
import dev.arrears.connector.oauth.TokenRefresher;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Access tokens per realm, refreshed by the shared {@link TokenRefresher} (row lock, one call inside
 * the transaction, retries outside it). Only the newest refresh token is ever used: Intuit may
 * invalidate the previous one as soon as it hands out a new one, which is why the refresher never
 * drops tokens Intuit issued. QuickBooks' quirks stay here: the refresh margin, the hard expiry kept
 * when Intuit does not repeat it, and the accountant's warnings before the token lapses.
 */
@ApplicationScoped
class QuickBooksTokens {

    private final TokenRefresher refresher;
    private final IntuitOAuth oauth;
    private final QuickBooksConfig.Tokens settings;
    private final Clock clock;

    QuickBooksTokens(TokenRefresher refresher, IntuitOAuth oauth, QuickBooksConfig settings, Clock clock) {
        this.refresher = refresher;
        this.oauth = oauth;
        this.settings = settings.tokens();
        this.clock = clock;
    }

    /** An access token valid for at least the refresh margin, refreshed if need be. */
    TokenUse accessToken(LedgerConnection connection) {
        if (!nearExpiry(connection.tokens())) {
            return new TokenUse(connection.tokens().accessToken(), false);
        }
        return rotate(connection.organisationId(), current -> nearExpiry(current.tokens()));
    }

    /**
     * After Intuit refused {@code rejected} (401, fault 3200): refresh, unless another replica already
     * replaced that access token while we were waiting for the lock.
     */
    TokenUse afterRejection(OrganisationId organisation, String rejected) {
        return rotate(organisation, current -> current.tokens().accessToken().equals(rejected) || nearExpiry(current.tokens()));
    }

    /** Moves the company to "needs reconnect": nothing is read or written until a person reconnects. */
    void needsReconnect(OrganisationId organisation, String reason) {
        refresher.needsReconnect(organisation, reason);
    }

    /** Sentences for the accountant when the refresh token is close to one of its expiries. */
    List<String> expiryWarnings(OAuthTokens tokens) {
        Instant now = clock.instant();
        List<String> warnings = new ArrayList<>();
        tokens.refreshTokenHardExpiresAt()
                .filter(hard -> hard.isBefore(now.plus(settings.hardExpiryWarning())))
                .ifPresent(hard -> warnings.add("QuickBooks will end this connection for good on " + hard
                        + " (the 5-year limit of its authorisation): reconnect the company before then."));
        tokens.refreshTokenExpiresAt()
                .filter(rolling -> rolling.isBefore(now.plus(settings.rollingExpiryWarning())))
                .ifPresent(rolling -> warnings.add("The QuickBooks authorisation lapses on " + rolling
                        + " unless it is used before then."));
        return warnings;
    }

    private TokenUse rotate(OrganisationId organisation, Predicate<LedgerConnection> due) {
        TokenEndpoint intuit = (current, timeout) -> oauth.refreshOnce(current, timeout, clock);
        return switch (refresher.refresh(List.of(organisation), due, intuit, "QuickBooks")) {
            case TokenRefresher.Fresh fresh -> {
                expiryWarnings(fresh.connection().tokens()).forEach(w -> Log.warnf("Organisation %s: %s", organisation, w));
                yield new TokenUse(fresh.connection().tokens().accessToken(), fresh.called());
            }
            case TokenRefresher.Failed failed -> throw new QboProblem(failed.failure());
        };
    }

    private boolean nearExpiry(OAuthTokens tokens) {
        return !tokens.accessTokenExpiresAt().isAfter(clock.instant().plus(settings.refreshMargin()));
    }

    /** An access token and whether getting it cost a call to Intuit. */
    record TokenUse(String accessToken, boolean refreshed) {
        @Override
        public String toString() {
            return "TokenUse[accessToken=***, refreshed=" + refreshed + "]";
        }
    }
}
