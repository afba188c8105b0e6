package dev.arrears.application.cycle;

import java.time.Duration;
import java.util.Objects;

/**
 * How the dispatcher claims and retries (mapped from {@code arrears.dispatch.*}).
 *
 * @param claimDuration how long a claim lasts; longer than the slowest ledger call, since a claim
 *                      that expires is taken over (in doubt) by another replica
 * @param maxAttempts   failed attempts after which an action waits for a person
 */
public record DispatchSettings(Duration claimDuration, int batchSize, int maxAttempts, Duration backoffBase,
                               Duration backoffMax) {

    public DispatchSettings {
        Objects.requireNonNull(claimDuration, "claimDuration");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffMax, "backoffMax");
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("arrears.dispatch.batch-size and max-attempts must be at least 1");
        }
    }

    public static DispatchSettings defaults() {
        return new DispatchSettings(Duration.ofMinutes(5), 20, 5, Duration.ofMinutes(1), Duration.ofHours(6));
    }
}
