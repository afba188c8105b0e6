package dev.arrears.application.cycle;

import java.time.Duration;
import java.util.Objects;

/**
 * How often each step runs and how long leases last (mapped from {@code arrears.cycle.*}).
 *
 * @param leaseDuration         how long a replica owns an organisation without renewing it; a dead
 *                              replica's organisations are taken over after this
 * @param organisationsPerRun   how many organisations one replica leases per scheduler tick
 * @param failureBackoffBase    the first back-off after an organisation's cycle failed; doubles per failure
 */
public record CycleSettings(Duration leaseDuration, int organisationsPerRun, Duration syncEvery, Duration decideEvery,
                            Duration settingsEvery, Duration failureBackoffBase, Duration failureBackoffMax) {

    public CycleSettings {
        Objects.requireNonNull(leaseDuration, "leaseDuration");
        Objects.requireNonNull(syncEvery, "syncEvery");
        Objects.requireNonNull(decideEvery, "decideEvery");
        Objects.requireNonNull(settingsEvery, "settingsEvery");
        Objects.requireNonNull(failureBackoffBase, "failureBackoffBase");
        Objects.requireNonNull(failureBackoffMax, "failureBackoffMax");
        if (organisationsPerRun < 1) {
            throw new IllegalArgumentException("arrears.cycle.organisations-per-run must be at least 1");
        }
    }

    public static CycleSettings defaults() {
        return new CycleSettings(Duration.ofMinutes(5), 10, Duration.ofMinutes(15), Duration.ofMinutes(15),
                Duration.ofDays(1), Duration.ofMinutes(1), Duration.ofHours(1));
    }
}
