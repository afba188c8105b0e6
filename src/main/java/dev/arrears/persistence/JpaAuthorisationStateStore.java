package dev.arrears.persistence;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.ledger.AuthorisationStateStore;
import dev.arrears.application.ledger.PendingAuthorisation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@link AuthorisationStateStore} on {@code oauth_pending_state}. Only a hash of each state is kept,
 * so a database reader cannot complete someone else's authorisation.
 */
@ApplicationScoped
public class JpaAuthorisationStateStore implements AuthorisationStateStore {

    private final EntityManager em;

    JpaAuthorisationStateStore(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public void save(PendingAuthorisation pending, Instant now) {
        // Expired states are worthless; clearing them here keeps the table small without a job.
        em.createQuery("delete from OAuthPendingStateEntity where expiresAt < :now").setParameter("now", now).executeUpdate();
        OAuthPendingStateEntity row = new OAuthPendingStateEntity();
        row.stateHash = hash(pending.state());
        row.provider = pending.provider().name();
        row.policyId = pending.policyId();
        row.displayName = pending.displayName().orElse(null);
        row.createdAt = now;
        row.expiresAt = pending.expiresAt();
        row.startedBy = pending.origin().startedBy();
        row.returnToConsole = pending.origin().console();
        em.persist(row);
    }

    @Override
    @Transactional
    public Optional<PendingAuthorisation> take(LedgerProvider provider, String state, Instant now) {
        // Delete first: of two callbacks racing with the same state, only one deletes the row.
        OAuthPendingStateEntity row = em.find(OAuthPendingStateEntity.class, hash(state));
        if (row == null || !row.provider.equals(provider.name())) {
            return Optional.empty();
        }
        int deleted = em.createQuery("delete from OAuthPendingStateEntity where stateHash = :hash")
                .setParameter("hash", row.stateHash).executeUpdate();
        if (deleted != 1 || !row.expiresAt.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(new PendingAuthorisation(state, provider, row.policyId, Optional.ofNullable(row.displayName),
                row.expiresAt, JpaPendingConsentStore.origin(row.startedBy, row.returnToConsole)));
    }

    static String hash(String state) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
