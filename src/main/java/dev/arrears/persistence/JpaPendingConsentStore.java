package dev.arrears.persistence;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.Sealed;
import dev.arrears.application.SecretSealer;
import dev.arrears.application.ledger.ConsentOrigin;
import dev.arrears.application.ledger.PendingConsent;
import dev.arrears.application.ledger.PendingConsentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** {@link PendingConsentStore} on {@code oauth_pending_consent}; the PKCE verifier is sealed at rest. */
@ApplicationScoped
public class JpaPendingConsentStore implements PendingConsentStore {

    private final EntityManager em;
    private final SecretSealer sealer;
    private final Clock clock;

    JpaPendingConsentStore(EntityManager em, SecretSealer sealer, Clock clock) {
        this.em = em;
        this.sealer = sealer;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void save(PendingConsent consent) {
        Instant now = clock.instant();
        // Expired consents are of no use to anyone; clearing them here keeps the table small.
        em.createQuery("delete from PendingConsentEntity where expiresAt < :now").setParameter("now", now).executeUpdate();
        Sealed verifier = sealer.seal(consent.codeVerifier(), SealedPlaces.codeVerifier(consent.state()));
        PendingConsentEntity row = new PendingConsentEntity();
        row.state = consent.state();
        row.provider = consent.provider().name();
        row.codeVerifierCiphertext = verifier.ciphertext();
        row.codeVerifierKeyId = verifier.keyId();
        row.policyId = consent.policyId();
        row.expiresAt = consent.expiresAt();
        row.createdAt = now;
        row.startedBy = consent.origin().startedBy();
        row.returnToConsole = consent.origin().console();
        em.persist(row);
    }

    @Override
    @Transactional
    public Optional<PendingConsent> take(String state, Instant now) {
        PendingConsentEntity row = em.find(PendingConsentEntity.class, state, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            return Optional.empty();
        }
        em.remove(row);
        if (!row.expiresAt.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(new PendingConsent(row.state, LedgerProvider.valueOf(row.provider),
                sealer.open(new Sealed(row.codeVerifierKeyId, row.codeVerifierCiphertext), SealedPlaces.codeVerifier(row.state)), row.policyId, row.expiresAt,
                origin(row.startedBy, row.returnToConsole)));
    }

    /** Rows written before the origin was kept were all started with the operator token. */
    static ConsentOrigin origin(String startedBy, boolean returnToConsole) {
        return startedBy == null ? ConsentOrigin.OPERATOR : new ConsentOrigin(startedBy, returnToConsole);
    }
}
