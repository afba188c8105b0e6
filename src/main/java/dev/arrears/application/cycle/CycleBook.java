package dev.arrears.application.cycle;

import dev.arrears.application.OrganisationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The scheduler's record of each organisation: what ran when, failures, back-off, operator requests. */
public interface CycleBook {

    Optional<CycleRecord> find(OrganisationId organisation);

    /** Every organisation's record, oldest organisation first. */
    List<CycleRecord> all();

    /**
     * A step completed at {@code at}, by {@code replica}. Step bookkeeping belongs to whoever holds the
     * organisation's lease: a replica that lost it (its lease expired and another took it over) must not
     * write over the new holder's record.
     *
     * @return false (nothing stored) when another replica holds a live lease on the organisation
     */
    boolean stepDone(OrganisationId organisation, CycleStep step, Instant at, String replica);

    /**
     * The ledger settings must be read again at the organisation's next cycle, whenever they were
     * last read: a choice an accountant saved was not read back yet.
     */
    void settingsDue(OrganisationId organisation);

    /**
     * The cycle ended well: failures reset, back-off and any operator request cleared.
     *
     * @return false (nothing stored) when another replica holds a live lease on the organisation
     */
    boolean succeeded(OrganisationId organisation, String outcome, Instant at, String replica);

    /**
     * The cycle failed: failures counted, back-off until {@code backoffUntil}, the operator request cleared.
     *
     * @return false (nothing stored) when another replica holds a live lease on the organisation
     */
    boolean failed(OrganisationId organisation, String outcome, String error, Instant at, Instant backoffUntil, String replica);

    /** The ledger asked for quiet (429): no write reaches it before {@code until}. Never shortens an existing pause. */
    void pauseWrites(OrganisationId organisation, Instant until);

    /**
     * An operator asked for a cycle now: back-off is lifted and the steps are due at once.
     *
     * @return the organisations the request reached (paused ones and those waiting for a reconnect are left alone)
     */
    List<OrganisationId> requestCycle(Optional<OrganisationId> organisation, Instant at);
}
