package dev.arrears.application.console;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Signed-in browsers, by the hash of their cookie. */
public interface ConsoleSessions {

    /** A session that is still open, with its user. */
    record Open(ConsoleUser user, String csrfToken, Instant lastSeenAt) {
    }

    void open(byte[] tokenHash, UUID userId, String csrfToken, Instant at, Instant expiresAt);

    /**
     * The session if it is neither signed out, nor past its absolute end, nor idle since before
     * {@code idleSince}, and its user is not disabled.
     */
    Optional<Open> find(byte[] tokenHash, Instant now, Instant idleSince);

    /** Records that the session was used at {@code at} (it counts idle time from there). */
    void touch(byte[] tokenHash, Instant at);

    /** Signs the session out; it is never valid again. */
    void end(byte[] tokenHash, Instant at);
}
