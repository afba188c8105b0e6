package dev.arrears.cli.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The sandbox's ledger clock in the demo: it shows the demo's start instant until the daemon's own
 * {@link Clock} exists, then follows that clock. So the embedded sandbox and Arrears read one and
 * the same simulated time, with no start-up gap between two accelerated clocks.
 */
final class HandOverClock extends Clock {

    private final Instant start;
    private volatile Clock delegate;

    HandOverClock(Instant start) {
        this.start = Objects.requireNonNull(start, "start");
    }

    void handOver(Clock clock) {
        this.delegate = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Instant instant() {
        Clock d = delegate;
        if (d == null) {
            return start;
        }
        Instant now = d.instant();
        return now.isBefore(start) ? start : now;
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
        throw new UnsupportedOperationException("UTC only");
    }
}
