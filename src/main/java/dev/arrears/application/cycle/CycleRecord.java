package dev.arrears.application.cycle;

import dev.arrears.application.Organisation;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An organisation as the scheduler sees it, for the admin API. */
public record CycleRecord(Organisation organisation, Optional<String> leaseOwner, Optional<Instant> leaseExpiresAt,
                          Optional<Instant> lastSyncAt, Optional<Instant> lastDecideAt,
                          Optional<Instant> settingsRefreshedAt, int consecutiveFailures,
                          Optional<Instant> backoffUntil, Optional<Instant> writesPausedUntil,
                          Optional<Instant> cycleRequestedAt) {

    public CycleRecord {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(leaseOwner, "leaseOwner");
        Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
        Objects.requireNonNull(lastSyncAt, "lastSyncAt");
        Objects.requireNonNull(lastDecideAt, "lastDecideAt");
        Objects.requireNonNull(settingsRefreshedAt, "settingsRefreshedAt");
        Objects.requireNonNull(backoffUntil, "backoffUntil");
        Objects.requireNonNull(writesPausedUntil, "writesPausedUntil");
        Objects.requireNonNull(cycleRequestedAt, "cycleRequestedAt");
    }
}
