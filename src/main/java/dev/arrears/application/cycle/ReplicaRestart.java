package dev.arrears.application.cycle;

import java.time.Clock;
import java.util.Objects;

/**
 * What a replica does when it starts: anything leased or claimed under its id was held by an earlier
 * run of this replica that is gone (a crash, {@code kill -9}, a redeploy), so it is let go at once
 * rather than left to expire. With a stable replica id, an action whose write was cut short comes
 * back in doubt within seconds, while the provider's idempotency window may still be open.
 * Two processes must never share one replica id.
 */
public final class ReplicaRestart {

    private final ReplicaId replica;
    private final Clock clock;
    private final OrganisationLeases leases;
    private final ActionClaims claims;

    public ReplicaRestart(ReplicaId replica, Clock clock, OrganisationLeases leases, ActionClaims claims) {
        this.replica = Objects.requireNonNull(replica, "replica");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.leases = Objects.requireNonNull(leases, "leases");
        this.claims = Objects.requireNonNull(claims, "claims");
    }

    public void letGoOfEarlierRun() {
        leases.releaseAll(replica.value());
        claims.expireAll(replica.value(), clock.instant());
    }
}
