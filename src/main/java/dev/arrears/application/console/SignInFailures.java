package dev.arrears.application.console;

import java.time.Instant;
import java.util.Optional;

/** Failed sign-ins per user name, kept in the database so throttling survives restarts and holds across replicas. */
public interface SignInFailures {

    /** Until when sign-ins under this name are refused, if they are now. */
    Optional<Instant> lockedUntil(String username, Instant now);

    /**
     * Counts one failure (failures before {@code windowStart} are forgotten first) and locks the name
     * until {@code lockUntil} once {@code maxFailures} are reached.
     *
     * @return the lock's end when this failure locked the name
     */
    Optional<Instant> recordFailure(String username, Instant at, Instant windowStart, int maxFailures, Instant lockUntil);

    /** A successful sign-in forgets the failures. */
    void clear(String username);
}
