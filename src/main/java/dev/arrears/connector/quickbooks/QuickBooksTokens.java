package dev.arrears.connector.quickbooks;

import dev.arrears.application.ConnectionStatus;
import dev.arrears.application.ConnectionStore;
import dev.arrears.application.LedgerConnection;
import dev.arrears.application.OAuthTokens;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.ledger.LedgerFailure;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Access tokens per realm. A refresh happens inside {@link ConnectionStore#rotateTokens}: the
 * connection row stays locked while Intuit is asked, and the new refresh token is stored (sealed)
 * before the new access token is handed out. Only the newest refresh token is ever used: Intuit may
 * invalidate the previous one as soon as it hands out a new one.
 */
@ApplicationScoped
class QuickBooksTokens {

    private final ConnectionStore connections;
    private final OrganisationStore organisations;
    private final IntuitOAuth oauth;
    private final QuickBooksSettings.Tokens settings;
    private final Clock clock;

    QuickBooksTokens(ConnectionStore connections, OrganisationStore organisations, IntuitOAuth oauth,
                     QuickBooksSettings settings, Clock clock) {
        this.connections = connections;
        this.organisations = organisations;
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
        Log.warnf("QuickBooks connection of organisation %s needs a reconnect: %s", organisation, reason);
        connections.setStatus(organisation, ConnectionStatus.NEEDS_RECONNECT, Optional.of(reason));
        organisations.setMode(organisation, OrganisationMode.NEEDS_RECONNECT);
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
        boolean[] refreshed = {false};
        try {
            LedgerConnection after = connections.rotateTokens(organisation, current -> {
                if (current.status() != ConnectionStatus.ACTIVE) {
                    throw new QboProblem(new LedgerFailure.NeedsReconnect("the QuickBooks connection is "
                            + current.status() + current.statusReason().map(r -> ": " + r).orElse("")));
                }
                if (!due.test(current)) {
                    return Optional.empty(); // another replica refreshed while we waited for the lock
                }
                TokenGrant grant = oauth.refresh(current.tokens().refreshToken());
                refreshed[0] = true;
                return Optional.of(grant.toTokens(clock.instant(), current.tokens().refreshTokenHardExpiresAt()));
            });
            expiryWarnings(after.tokens()).forEach(w -> Log.warnf("Organisation %s: %s", organisation, w));
            return new TokenUse(after.tokens().accessToken(), refreshed[0]);
        } catch (InvalidGrant e) {
            String reason = "QuickBooks refused the stored refresh token (" + e.getMessage()
                    + "): an accountant must reconnect the company";
            needsReconnect(organisation, reason);
            throw new QboProblem(new LedgerFailure.NeedsReconnect(reason));
        }
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
