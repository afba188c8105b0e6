package dev.arrears.application.ledger;

import java.time.Instant;
import java.util.Optional;

/**
 * Consents in progress, kept in the database so that the callback may reach any replica.
 */
public interface PendingConsentStore {

    void save(PendingConsent consent);

    /** Removes and returns the consent of {@code state} if it has not expired at {@code now}: a state works once. */
    Optional<PendingConsent> take(String state, Instant now);
}
