package dev.arrears.application.cycle;

import dev.arrears.application.OrganisationId;
import java.time.Instant;
import java.util.List;

/**
 * Time-limited leases on organisations, kept in the database so that any number of replicas share
 * the organisations and never work on the same one at once. A replica that dies simply stops
 * renewing; its leases expire and another replica takes the organisations over. Every instant is
 * the caller's (the application's clock), so simulated clocks lease the same way as real ones.
 */
public interface OrganisationLeases {

    /**
     * Leases up to {@code limit} organisations that are due for a cycle (see {@link DueSteps}), not
     * paused, not waiting for a reconnect, not backing off, and whose lease is free, expired or
     * already this replica's. Rows another replica is leasing right now are skipped, not waited for.
     */
    List<OrganisationId> acquireDue(String replica, Instant now, Instant leaseUntil, DueSteps due, int limit);

    /** Leases one organisation whatever its cadences and back-off say (an operator asked); false if another replica holds it. */
    boolean acquire(OrganisationId organisation, String replica, Instant now, Instant leaseUntil);

    /** Extends this replica's lease; false when the lease was lost (expired and taken by another replica). */
    boolean renew(OrganisationId organisation, String replica, Instant leaseUntil);

    /** Gives the lease up if this replica still holds it. */
    void release(OrganisationId organisation, String replica);

    /**
     * Gives up every lease this replica holds: a replica that restarts under the same id (a stable
     * host or pod name) knows that nothing it held before is being worked on.
     */
    void releaseAll(String replica);
}
