package dev.arrears.persistence;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A settable clock for tests, replacing the platform's system clock everywhere in the test
 * application. Starts at a fixed instant; tests move it forward when order matters.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    public static final Instant START = Instant.parse("2025-03-10T09:00:00Z");

    private volatile Instant now = START;
    private volatile Duration tick = Duration.ZERO;

    /** Sets the time and stops any {@link #tickOnEveryRead tick}. */
    public synchronized void set(Instant instant) {
        now = instant;
        tick = Duration.ZERO;
    }

    /**
     * From now on every read moves the clock on by {@code step} after answering: an accelerated clock as
     * the demo and the process tests run, where time passes between two steps of one dispatch run.
     */
    public void tickOnEveryRead(Duration step) {
        tick = step;
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public synchronized Instant instant() {
        Instant answer = now;
        if (!tick.isZero()) {
            now = answer.plus(tick);
        }
        return answer;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}
