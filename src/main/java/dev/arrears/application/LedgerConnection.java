package dev.arrears.application;

import java.util.Objects;
import java.util.Optional;

/**
 * The OAuth connection of an organisation to its ledger, tokens decrypted. Its {@link #toString()}
 * shows no secrets (see {@link OAuthTokens}).
 *
 * @param tenantId Xero tenant id or QuickBooks realm id
 * @param scopes   space-separated, as granted
 */
public record LedgerConnection(OrganisationId organisationId, LedgerProvider provider, String tenantId,
                               OAuthTokens tokens, String scopes, ConnectionStatus status,
                               Optional<String> statusReason, SyncCursor cursor) {

    public LedgerConnection {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusReason, "statusReason");
        Objects.requireNonNull(cursor, "cursor");
    }
}
