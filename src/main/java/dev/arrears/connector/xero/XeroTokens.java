package dev.arrears.connector.xero;

import dev.arrears.application.ConnectionStatus;
import dev.arrears.application.ConnectionStore;
import dev.arrears.application.LedgerConnection;
import dev.arrears.application.OAuthTokens;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.connector.oauth.TokenEndpoint;
import dev.arrears.connector.oauth.TokenRefresher;
import dev.arrears.application.ledger.LedgerSettingsStore;
import dev.arrears.application.ledger.OrganisationLedgerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Fresh access tokens for an organisation.
 *
 * <p>The refresh itself is the shared {@link TokenRefresher}'s (row lock, one call inside the
 * transaction, retries outside it, {@code invalid_grant} to "needs reconnect", issued tokens never
 * dropped); this class keeps Xero's quirks: one consent may cover several organisations that share
 * one token set (their settings carry the same token group), which are refreshed together, and a
 * refresh is due when the access token nears expiry or Xero refused it (401). If the answer of a
 * refresh is lost, nothing is stored and the old refresh token stays; Xero accepts it again for 30
 * minutes, which is how the next attempt recovers.
 */
@ApplicationScoped
class XeroTokens {

    private final ConnectionStore connections;
    private final TokenRefresher refresher;
    private final LedgerSettingsStore settings;
    private final XeroIdentity identity;
    private final XeroConfig config;
    private final Clock clock;

    XeroTokens(ConnectionStore connections, TokenRefresher refresher, LedgerSettingsStore settings,
               XeroIdentity identity, XeroConfig config, Clock clock) {
        this.connections = connections;
        this.refresher = refresher;
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
        TokenEndpoint counted = (current, timeout) -> {
            calls.add();
            return identity.refreshOnce(current, timeout);
        };
        return switch (refresher.refresh(group(organisation), current -> due(current.tokens(), rejected), counted, "Xero")) {
            case TokenRefresher.Fresh fresh -> new Fresh(fresh.connection().tenantId(), fresh.connection().tokens().accessToken());
            case TokenRefresher.Failed failed -> new Failed(failed.failure());
        };
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
        if (!members.contains(organisation)) {
            return List.of(organisation);
        }
        List<OrganisationId> group = new java.util.ArrayList<>(List.of(organisation));
        members.stream().filter(m -> !m.equals(organisation)).forEach(group::add);
        return group;
    }

    /** Marks the connection and the organisation, so that the console shows the accountant what to do. */
    void needsReconnect(OrganisationId organisation, String reason) {
        refresher.needsReconnect(organisation, reason);
    }
}
