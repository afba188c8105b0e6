package dev.arrears.persistence;

import dev.arrears.application.SecretReseal;
import dev.arrears.application.SecretSealer;
import dev.arrears.application.Sealed;
import dev.arrears.application.SecretUnreadableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads every sealed column and writes back, sealed under the current key and bound to its row, each
 * value that is not already. One transaction with the rows locked, so a token refresh running at the
 * same time waits rather than has its rotated token overwritten by the old one.
 */
@ApplicationScoped
class JpaSecretReseal implements SecretReseal {

    private final EntityManager em;
    private final SecretSealer sealer;

    JpaSecretReseal(EntityManager em, SecretSealer sealer) {
        this.em = em;
        this.sealer = sealer;
    }

    @Override
    @Transactional
    public Resealed resealAll() {
        int read = 0;
        int resealed = 0;
        List<String> unreadable = new ArrayList<>();
        for (LedgerConnectionEntity row : em.createQuery("from LedgerConnectionEntity order by organisationId",
                LedgerConnectionEntity.class).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()) {
            read += 2;
            Optional<Sealed> access = again(row.accessTokenKeyId, row.accessTokenCiphertext,
                    SealedPlaces.accessToken(row.organisationId), unreadable);
            access.ifPresent(a -> {
                row.accessTokenKeyId = a.keyId();
                row.accessTokenCiphertext = a.ciphertext();
            });
            Optional<Sealed> refresh = again(row.refreshTokenKeyId, row.refreshTokenCiphertext,
                    SealedPlaces.refreshToken(row.organisationId), unreadable);
            refresh.ifPresent(r -> {
                row.refreshTokenKeyId = r.keyId();
                row.refreshTokenCiphertext = r.ciphertext();
            });
            resealed += (access.isPresent() ? 1 : 0) + (refresh.isPresent() ? 1 : 0);
        }
        for (PendingConsentEntity row : em.createQuery("from PendingConsentEntity order by state",
                PendingConsentEntity.class).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()) {
            read++;
            Optional<Sealed> verifier = again(row.codeVerifierKeyId, row.codeVerifierCiphertext,
                    SealedPlaces.codeVerifier(row.state), unreadable);
            verifier.ifPresent(v -> {
                row.codeVerifierKeyId = v.keyId();
                row.codeVerifierCiphertext = v.ciphertext();
            });
            resealed += verifier.isPresent() ? 1 : 0;
        }
        for (SenderProfileEntity row : em.createQuery("from SenderProfileEntity where smtpPasswordCiphertext is not null"
                + " order by organisationId", SenderProfileEntity.class).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()) {
            read++;
            Optional<Sealed> password = again(row.smtpPasswordKeyId, row.smtpPasswordCiphertext,
                    SealedPlaces.smtpPassword(row.organisationId), unreadable);
            password.ifPresent(p -> {
                row.smtpPasswordKeyId = p.keyId();
                row.smtpPasswordCiphertext = p.ciphertext();
            });
            resealed += password.isPresent() ? 1 : 0;
        }
        return new Resealed(read, resealed, List.copyOf(unreadable));
    }

    /** The value sealed again under the current key, bound to its place; empty when it already is. */
    private Optional<Sealed> again(String keyId, byte[] ciphertext, String place, List<String> unreadable) {
        Sealed sealed = new Sealed(keyId, ciphertext);
        if (sealer.isCurrent(sealed)) {
            return Optional.empty();
        }
        try {
            return Optional.of(sealer.seal(sealer.open(sealed, place), place));
        } catch (SecretUnreadableException e) {
            unreadable.add(place + " (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }
}
