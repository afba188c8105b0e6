package dev.arrears.application.ledger;

import dev.arrears.application.OrganisationId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The limits the ledger imposes on one organisation that must survive restarts and be seen by every
 * replica: a pause the ledger asked for (Retry-After, organisation offline) and the daily email count.
 */
public interface LedgerThrottleStore {

    /** The end of the current pause, if the organisation is paused at {@code now}. */
    Optional<Pause> pause(OrganisationId organisationId, Instant now);

    /** Pauses the organisation until {@code until}; a longer pause already stored is kept. */
    void pauseUntil(OrganisationId organisationId, Instant until, String reason);

    /**
     * Reserves one email of {@code day}'s allowance: false (and nothing reserved) when {@code cap}
     * emails were already reserved that day.
     */
    boolean reserveEmail(OrganisationId organisationId, LocalDate day, int cap);

    /** Gives back a reservation whose email was certainly not sent. */
    void releaseEmail(OrganisationId organisationId, LocalDate day);

    record Pause(Instant until, String reason) {
    }
}
