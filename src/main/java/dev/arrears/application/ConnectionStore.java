package dev.arrears.application;

import java.util.List;
import java.util.Optional;

/**
 * OAuth connections to the ledgers. Token material is sealed with the {@link SecretSealer} before
 * it is stored and opened when it is read.
 */
public interface ConnectionStore {

    /**
     * Stores the connection of an organisation after the OAuth consent, replacing the tokens of an
     * earlier connection to the same tenant (a reconnect) and making it active again.
     *
     * @throws IllegalStateException if the tenant is already connected to another organisation
     */
    LedgerConnection connect(OrganisationId organisationId, LedgerProvider provider, String tenantId,
                             OAuthTokens tokens, String scopes);

    Optional<LedgerConnection> find(OrganisationId organisationId);

    /**
     * The ledger's id of the organisation (Xero tenant id, QuickBooks realm id) without opening any
     * sealed secret, so that listing organisations never depends on the tokens being readable.
     */
    Optional<String> tenantId(OrganisationId organisationId);

    Optional<LedgerConnection> findByTenant(LedgerProvider provider, String tenantId);

    /**
     * Locks the connection row, hands it to {@code rotation} and stores the tokens it returns before
     * the lock is released: the rotated refresh token is safe before the new access token is used.
     *
     * @return the connection as stored afterwards
     */
    default LedgerConnection rotateTokens(OrganisationId organisationId, TokenRotation rotation) {
        return rotateTokens(List.of(organisationId), rotation);
    }

    /**
     * As {@link #rotateTokens(OrganisationId, TokenRotation)} for connections that share one token set
     * (one consent covering several organisations): every row is locked, in id order so that two
     * replicas cannot deadlock, the rotation sees the first organisation's connection, and the tokens
     * it returns are stored on all of them.
     *
     * @return the first organisation's connection as stored afterwards
     */
    LedgerConnection rotateTokens(List<OrganisationId> group, TokenRotation rotation);

    /**
     * Stores tokens a provider issued whose first store failed (the transaction was lost after the
     * token call), in a transaction of its own, on the rows that still hold the refresh token that was
     * spent for them; rows holding anything else (the first store did commit, or another replica
     * stored newer tokens) are left as they are.
     *
     * @return the first organisation's connection as stored afterwards
     */
    LedgerConnection storeIssuedTokens(List<OrganisationId> group, String spentRefreshToken, OAuthTokens issued);

    /** Marks the connection, e.g. {@link ConnectionStatus#NEEDS_RECONNECT} after invalid_grant. */
    void setStatus(OrganisationId organisationId, ConnectionStatus status, Optional<String> reason);

    /** Names who started the consent that connected the organisation last (shown on the Connections page). */
    void recordConnectedBy(OrganisationId organisationId, String startedBy);

    /**
     * Destroys the stored tokens of a disconnected organisation: both are replaced by sealed empty
     * values, so nothing in the database can act for it any more. The row, its cursor and the
     * organisation's history stay.
     */
    void forgetTokens(OrganisationId organisationId);

    /** Every organisation's connection, oldest first, without opening a token. */
    List<ConnectionOverview> overviews();

    /** Moves the sync cursor on its own (a page that had no invoices, a full rescan finishing). */
    void advanceCursor(OrganisationId organisationId, SyncCursor cursor);
}
