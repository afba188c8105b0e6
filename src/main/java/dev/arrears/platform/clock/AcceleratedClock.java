package dev.arrears.platform.clock;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that starts at a chosen instant and runs faster than real time: every real second that
 * passes on the base clock advances it by {@code perSecond}. Used by the demo to watch an invoice
 * go through weeks of stages in minutes.
 */
public final class AcceleratedClock extends Clock {

    private final Clock base;
    private final Instant realStart;
    private final Instant simulatedStart;
    private final Duration perSecond;

    public AcceleratedClock(Clock base, Instant simulatedStart, Duration perSecond) {
        this(base, simulatedStart, perSecond, base.instant());
    }

    /**
     * A clock that shows {@code simulatedStart} at the real instant {@code realStart} (and until
     * then), so that processes started at different moments share one simulated time.
     */
    public AcceleratedClock(Clock base, Instant simulatedStart, Duration perSecond, Instant realStart) {
        this.base = Objects.requireNonNull(base, "base");
        this.simulatedStart = Objects.requireNonNull(simulatedStart, "simulatedStart");
        this.perSecond = Objects.requireNonNull(perSecond, "perSecond");
        if (perSecond.isNegative() || perSecond.isZero()) {
            throw new IllegalArgumentException("arrears.clock.per-second must be positive, was " + perSecond);
        }
        this.realStart = Objects.requireNonNull(realStart, "realStart");
    }

    @Override
    public Instant instant() {
        long realNanos = Math.max(0, Duration.between(realStart, base.instant()).toNanos());
        // nanos * perSecond / 1e9 in exact integer arithmetic: long would overflow within hours.
        BigInteger simulatedNanos = BigInteger.valueOf(realNanos)
                .multiply(BigInteger.valueOf(perSecond.toNanos()))
                .divide(BigInteger.valueOf(1_000_000_000L));
        return simulatedStart.plusNanos(simulatedNanos.longValueExact());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("Arrears works in UTC and converts to each organisation's zone explicitly");
    }
}
