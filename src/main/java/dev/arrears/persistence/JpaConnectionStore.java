package dev.arrears.persistence;

import dev.arrears.application.ConnectionStatus;
import dev.arrears.application.ConnectionOverview;
import dev.arrears.application.ConnectionStore;
import dev.arrears.application.LedgerConnection;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OAuthTokens;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.Sealed;
import dev.arrears.application.SecretSealer;
import dev.arrears.application.SyncCursor;
import dev.arrears.application.TokenRotation;
import dev.arrears.application.UnknownOrganisationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link ConnectionStore} on {@code ledger_connection}. Tokens are sealed before they reach an
 * entity and opened only when a {@link LedgerConnection} is built, so no entity ever holds plaintext.
 */
@ApplicationScoped
public class JpaConnectionStore implements ConnectionStore {

    private final EntityManager em;
    private final SecretSealer sealer;
    private final Clock clock;

    JpaConnectionStore(EntityManager em, SecretSealer sealer, Clock clock) {
        this.em = em;
        this.sealer = sealer;
        this.clock = clock;
    }

    @Override
    @Transactional
    public LedgerConnection connect(OrganisationId organisationId, LedgerProvider provider, String tenantId,
                                    OAuthTokens tokens, String scopes) {
        OrganisationEntity organisation = em.find(OrganisationEntity.class, organisationId.value());
        if (organisation == null) {
            throw new UnknownOrganisationException(organisationId);
        }
        if (!organisation.provider.equals(provider.name())) {
            throw new IllegalArgumentException("organisation " + organisationId + " uses " + organisation.provider
                    + "; it cannot be connected to " + provider);
        }
        Optional<LedgerConnectionEntity> sameTenant = byTenant(provider, tenantId);
        if (sameTenant.isPresent() && !sameTenant.get().organisationId.equals(organisationId.value())) {
            throw new IllegalStateException(provider + " tenant " + tenantId + " is already connected to organisation "
                    + sameTenant.get().organisationId);
        }
        Instant now = clock.instant();
        LedgerConnectionEntity row = byOrganisation(organisationId, LockModeType.PESSIMISTIC_WRITE).orElseGet(() -> {
            LedgerConnectionEntity fresh = new LedgerConnectionEntity();
            fresh.id = UUID.randomUUID();
            fresh.organisationId = organisationId.value();
            fresh.createdAt = now;
            return fresh;
        });
        boolean otherTenant = row.tenantId != null && !row.tenantId.equals(tenantId);
        row.provider = provider.name();
        row.tenantId = tenantId;
        row.scopes = scopes;
        row.status = ConnectionStatus.ACTIVE.name();
        row.statusReason = null;
        if (otherTenant) {
            // A cursor belongs to one tenant's history.
            row.syncCursorToken = null;
            row.syncChangedThrough = null;
            row.lastFullScanAt = null;
        }
        putTokens(row, tokens, now);
        row.connectedAt = now;
        row.connectedBy = null;
        if (!em.contains(row)) {
            em.persist(row);
        }
        return toConnection(row);
    }

    @Override
    @Transactional
    public Optional<LedgerConnection> find(OrganisationId organisationId) {
        return byOrganisation(organisationId, LockModeType.NONE).map(this::toConnection);
    }

    @Override
    @Transactional
    public Optional<String> tenantId(OrganisationId organisationId) {
        return byOrganisation(organisationId, LockModeType.NONE).map(row -> row.tenantId);
    }

    @Override
    @Transactional
    public Optional<LedgerConnection> findByTenant(LedgerProvider provider, String tenantId) {
        return byTenant(provider, tenantId).map(this::toConnection);
    }

    /**
     * The rotation (an HTTP call to the token endpoint) runs while the row is locked: a second
     * replica waits here and then sees the new tokens instead of spending the old refresh token.
     */
    @Override
    @Transactional
    public LedgerConnection rotateTokens(List<OrganisationId> group, TokenRotation rotation) {
        List<LedgerConnectionEntity> rows = lockAll(group);
        LedgerConnectionEntity first = rows.getFirst();
        LedgerConnection current = toConnection(first);
        Optional<OAuthTokens> rotated = rotation.rotate(current);
        if (rotated.isEmpty()) {
            return current;
        }
        Instant now = clock.instant();
        rows.forEach(row -> putTokens(row, rotated.get(), now));
        em.flush(); // stored before the caller can use the new access token
        return toConnection(first);
    }

    @Override
    @Transactional
    public LedgerConnection storeIssuedTokens(List<OrganisationId> group, String spentRefreshToken, OAuthTokens issued) {
        List<LedgerConnectionEntity> rows = lockAll(group);
        Instant now = clock.instant();
        for (LedgerConnectionEntity row : rows) {
            if (toConnection(row).tokens().refreshToken().equals(spentRefreshToken)) {
                putTokens(row, issued, now);
            }
        }
        em.flush();
        return toConnection(rows.getFirst());
    }

    /** The group's rows, locked in id order; the first organisation's row first in the list. */
    private List<LedgerConnectionEntity> lockAll(List<OrganisationId> group) {
        List<UUID> ids = group.stream().map(OrganisationId::value).distinct().toList();
        List<LedgerConnectionEntity> locked = em.createQuery(
                        "from LedgerConnectionEntity where organisationId in :orgs order by id", LedgerConnectionEntity.class)
                .setParameter("orgs", ids)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        List<LedgerConnectionEntity> rows = new java.util.ArrayList<>(locked);
        UUID first = group.getFirst().value();
        if (rows.stream().noneMatch(r -> r.organisationId.equals(first))) {
            throw new IllegalStateException("organisation " + group.getFirst() + " has no ledger connection");
        }
        rows.sort(java.util.Comparator.comparing((LedgerConnectionEntity r) -> !r.organisationId.equals(first)));
        return rows;
    }

    @Override
    @Transactional
    public void setStatus(OrganisationId organisationId, ConnectionStatus status, Optional<String> reason) {
        LedgerConnectionEntity row = require(organisationId);
        row.status = status.name();
        row.statusReason = reason.orElse(null);
        row.updatedAt = clock.instant();
    }

    @Override
    @Transactional
    public void recordConnectedBy(OrganisationId organisationId, String startedBy) {
        require(organisationId).connectedBy = startedBy;
    }

    @Override
    @Transactional
    public void forgetTokens(OrganisationId organisationId) {
        LedgerConnectionEntity row = byOrganisation(organisationId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new IllegalStateException("organisation " + organisationId + " has no ledger connection"));
        Instant now = clock.instant();
        putTokens(row, new OAuthTokens("", now, "", Optional.empty(), Optional.empty()), now);
    }

    @Override
    @Transactional
    public List<ConnectionOverview> overviews() {
        return em.createQuery("from LedgerConnectionEntity order by createdAt, id", LedgerConnectionEntity.class)
                .getResultStream()
                .map(row -> new ConnectionOverview(new OrganisationId(row.organisationId), LedgerProvider.valueOf(row.provider),
                        ConnectionStatus.valueOf(row.status), Optional.ofNullable(row.statusReason),
                        Optional.ofNullable(row.connectedAt), Optional.ofNullable(row.connectedBy)))
                .toList();
    }

    @Override
    @Transactional
    public void advanceCursor(OrganisationId organisationId, SyncCursor cursor) {
        LedgerConnectionEntity row = require(organisationId);
        row.syncCursorToken = cursor.token().orElse(null);
        row.syncChangedThrough = cursor.changedThrough().orElse(null);
        row.updatedAt = clock.instant();
    }

    private LedgerConnectionEntity require(OrganisationId organisationId) {
        return byOrganisation(organisationId, LockModeType.NONE)
                .orElseThrow(() -> new IllegalStateException("organisation " + organisationId + " has no ledger connection"));
    }

    private Optional<LedgerConnectionEntity> byOrganisation(OrganisationId organisationId, LockModeType lock) {
        return em.createQuery("from LedgerConnectionEntity where organisationId = :org", LedgerConnectionEntity.class)
                .setParameter("org", organisationId.value())
                .setLockMode(lock)
                .getResultStream().findFirst();
    }

    private Optional<LedgerConnectionEntity> byTenant(LedgerProvider provider, String tenantId) {
        return em.createQuery("from LedgerConnectionEntity where provider = :provider and tenantId = :tenant",
                        LedgerConnectionEntity.class)
                .setParameter("provider", provider.name())
                .setParameter("tenant", tenantId)
                .getResultStream().findFirst();
    }

    private void putTokens(LedgerConnectionEntity row, OAuthTokens tokens, Instant now) {
        Sealed access = sealer.seal(tokens.accessToken(), SealedPlaces.accessToken(row.organisationId));
        Sealed refresh = sealer.seal(tokens.refreshToken(), SealedPlaces.refreshToken(row.organisationId));
        row.accessTokenCiphertext = access.ciphertext();
        row.accessTokenKeyId = access.keyId();
        row.accessTokenExpiresAt = tokens.accessTokenExpiresAt();
        row.refreshTokenCiphertext = refresh.ciphertext();
        row.refreshTokenKeyId = refresh.keyId();
        row.refreshTokenExpiresAt = tokens.refreshTokenExpiresAt().orElse(null);
        row.refreshTokenHardExpiresAt = tokens.refreshTokenHardExpiresAt().orElse(null);
        row.updatedAt = now;
    }

    private LedgerConnection toConnection(LedgerConnectionEntity row) {
        OAuthTokens tokens = new OAuthTokens(
                sealer.open(new Sealed(row.accessTokenKeyId, row.accessTokenCiphertext), SealedPlaces.accessToken(row.organisationId)),
                row.accessTokenExpiresAt,
                sealer.open(new Sealed(row.refreshTokenKeyId, row.refreshTokenCiphertext), SealedPlaces.refreshToken(row.organisationId)),
                Optional.ofNullable(row.refreshTokenExpiresAt), Optional.ofNullable(row.refreshTokenHardExpiresAt));
        return new LedgerConnection(new OrganisationId(row.organisationId), LedgerProvider.valueOf(row.provider),
                row.tenantId, tokens, row.scopes, ConnectionStatus.valueOf(row.status),
                Optional.ofNullable(row.statusReason),
                new SyncCursor(Optional.ofNullable(row.syncCursorToken), Optional.ofNullable(row.syncChangedThrough)));
    }
}
