package dev.arrears.connector.xero;

import dev.arrears.application.ConnectionStatus;
import dev.arrears.application.ConnectionStore;
import dev.arrears.application.LedgerConnection;
import dev.arrears.application.OAuthTokens;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.application.ledger.LedgerSettingsStore;
import dev.arrears.application.ledger.OrganisationLedgerSettings;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fresh access tokens for an organisation.
 *
 * <p>A refresh runs under the connection's row lock ({@link ConnectionStore#rotateTokens}) and the
 * rotated refresh token is stored in that transaction, before the new access token is handed out.
 * One consent may cover several organisations that share one token set (their settings carry the
 * same token group): their rows are locked together, always in id order so that two replicas
 * cannot deadlock, and all of them receive the new pair. If the answer of a refresh is lost, the
 * transaction stores nothing and the old refresh token stays; Xero accepts it again for 30 minutes,
 * which is how the next attempt recovers. {@code invalid_grant} is final: the organisations of the
 * token set are marked as needing a reconnect and nothing retries it.
 */
@ApplicationScoped
class XeroTokens {

    private final ConnectionStore connections;
    private final OrganisationStore organisations;
    private final LedgerSettingsStore settings;
    private final XeroIdentity identity;
    private final XeroConfig config;
    private final Clock clock;

    XeroTokens(ConnectionStore connections, OrganisationStore organisations, LedgerSettingsStore settings,
               XeroIdentity identity, XeroConfig config, Clock clock) {
        this.connections = connections;
        this.organisations = organisations;
        this.settings = settings;
        this.identity = identity;
        this.config = config;
        this.clock = clock;
    }

    sealed interface Token {
    }

    record Fresh(String tenantId, String accessToken) implements Token {
        @Override
        public String toString() {
            return "Fresh[tenantId=" + tenantId + ", accessToken=***]";
        }
    }

    record Failed(LedgerFailure failure) implements Token {
    }

    /** A usable access token, refreshed first when it expires within the configured margin. */
    Token fresh(OrganisationId organisation, CallCount calls) {
        return obtain(organisation, Optional.empty(), calls);
    }

    /**
     * After Xero refused {@code rejected} (401): refresh once, unless another caller already
     * replaced that token.
     */
    Token replace(OrganisationId organisation, String rejected, CallCount calls) {
        return obtain(organisation, Optional.of(rejected), calls);
    }

    private Token obtain(OrganisationId organisation, Optional<String> rejected, CallCount calls) {
        Optional<LedgerConnection> found = connections.find(organisation);
        if (found.isEmpty()) {
            return new Failed(new LedgerFailure.NeedsReconnect("the organisation has no Xero connection"));
        }
        LedgerConnection connection = found.get();
        if (connection.status() != ConnectionStatus.ACTIVE) {
            return new Failed(new LedgerFailure.NeedsReconnect("the Xero connection is " + connection.status()
                    + connection.statusReason().map(r -> ": " + r).orElse("")));
        }
        if (!due(connection.tokens(), rejected)) {
            return new Fresh(connection.tenantId(), connection.tokens().accessToken());
        }
        List<OrganisationId> group = group(organisation);
        AtomicReference<OAuthTokens> result = new AtomicReference<>();
        try {
            rotate(group, 0, rejected, calls, result);
        } catch (XeroIdentity.TokenRefused refused) {
            if (refused.invalidGrant) {
                String reason = "Xero refused the refresh token (invalid_grant): the connection was revoked, expired "
                        + "after 60 days unused or was replaced; an accountant must reconnect the organisation";
                group.forEach(member -> needsReconnect(member, reason));
                return new Failed(new LedgerFailure.NeedsReconnect(reason));
            }
            if (refused.transientFailure) {
                return new Failed(new LedgerFailure.RetryLater(refused.getMessage(), Optional.empty()));
            }
            return new Failed(new LedgerFailure.Rejected(refused.getMessage()));
        }
        OAuthTokens tokens = result.get();
        if (tokens == null) {
            // Another replica refreshed while we waited for the lock: use what it stored.
            tokens = connections.find(organisation).orElseThrow().tokens();
        }
        return new Fresh(connection.tenantId(), tokens.accessToken());
    }

    /** Locks member {@code index} and, inside its lock, the ones after it; the innermost refreshes. */
    private void rotate(List<OrganisationId> group, int index, Optional<String> rejected, CallCount calls,
                        AtomicReference<OAuthTokens> result) {
        connections.rotateTokens(group.get(index), current -> {
            if (index + 1 < group.size()) {
                rotate(group, index + 1, rejected, calls, result);
                return Optional.ofNullable(result.get());
            }
            if (!due(current.tokens(), rejected)) {
                return Optional.empty();
            }
            calls.add();
            XeroIdentity.Granted granted = identity.refresh(current.tokens().refreshToken());
            Log.debugf("Refreshed the Xero tokens of %d organisation(s)", group.size());
            result.set(granted.tokens());
            return Optional.of(granted.tokens());
        });
    }

    private boolean due(OAuthTokens tokens, Optional<String> rejected) {
        if (rejected.isPresent()) {
            return tokens.accessToken().equals(rejected.get());
        }
        return !tokens.accessTokenExpiresAt().isAfter(clock.instant().plus(config.refreshAhead()));
    }

    private List<OrganisationId> group(OrganisationId organisation) {
        List<OrganisationId> members = settings.find(organisation).flatMap(OrganisationLedgerSettings::tokenGroup)
                .map(settings::tokenGroupMembers).orElse(List.of());
        return members.contains(organisation) ? members : List.of(organisation);
    }

    /** Marks the connection and the organisation, so that the console shows the accountant what to do. */
    void needsReconnect(OrganisationId organisation, String reason) {
        connections.setStatus(organisation, ConnectionStatus.NEEDS_RECONNECT, Optional.of(reason));
        organisations.setMode(organisation, OrganisationMode.NEEDS_RECONNECT);
        Log.warnf("Xero organisation %s needs reconnecting: %s", organisation, reason);
    }
}
