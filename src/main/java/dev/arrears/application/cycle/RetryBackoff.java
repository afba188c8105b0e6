package dev.arrears.application.cycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with jitter: the n-th failure waits a random time between half and all of
 * {@code base * 2^(n-1)}, capped at {@code max}, and never less than what the provider asked for
 * (Retry-After). The jitter spreads replicas and organisations that failed together.
 */
public final class RetryBackoff {

    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    public RetryBackoff(Duration base, Duration max, RandomGenerator random) {
        this.base = Objects.requireNonNull(base, "base");
        this.max = Objects.requireNonNull(max, "max");
        this.random = Objects.requireNonNull(random, "random");
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < base <= max, was base " + base + ", max " + max);
        }
    }

    /** When to try again after the {@code failures}-th failure in a row (1 for the first). */
    public Instant next(Instant now, int failures, Optional<Instant> notBefore) {
        Duration ceiling = ceiling(failures);
        long halfMillis = ceiling.toMillis() / 2;
        long jittered = halfMillis + (long) (random.nextDouble() * (ceiling.toMillis() - halfMillis));
        Instant next = now.plusMillis(Math.max(1, jittered));
        return notBefore.filter(next::isBefore).orElse(next);
    }

    private Duration ceiling(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
