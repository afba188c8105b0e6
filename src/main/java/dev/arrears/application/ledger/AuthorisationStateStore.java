package dev.arrears.application.ledger;

import dev.arrears.application.LedgerProvider;
import java.time.Instant;
import java.util.Optional;

/**
 * OAuth {@code state} values, kept in the database so the callback may reach any replica. Each is
 * used once: {@link #take} removes it.
 */
public interface AuthorisationStateStore {

    void save(PendingAuthorisation pending, Instant now);

    /** The pending authorisation, removed; empty when unknown, already used or expired at {@code now}. */
    Optional<PendingAuthorisation> take(LedgerProvider provider, String state, Instant now);
}
