package dev.arrears.connector;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * The rate limiters' real time in tests. It follows the machine's time, as in production, so that a test
 * making many calls while moving the business clock is not throttled for ever; a test of the limits
 * {@link #freeze() freezes} it (on a whole second) and moves it by hand. It never goes back, so windows kept between tests
 * stay sound. A plain {@code new TestTicker()} is frozen from the start (for unit tests).
 */
@Alternative
@Priority(1)
@Singleton
public class TestTicker implements Ticker {

    /** The wall clock's reading when the ticker starts: the tests' business start, for readable instants. */
    public static final Instant WALL_START = Instant.parse("2025-03-10T09:00:00Z");

    private final long realStart = System.nanoTime();
    private long advanced;
    private Long frozenAt;

    public TestTicker() {
        this(false);
    }

    private TestTicker(boolean frozen) {
        if (frozen) {
            frozenAt = 0L;
        }
    }

    /** A ticker that moves only when told to. */
    public static TestTicker frozen() {
        return new TestTicker(true);
    }

    /** Stops following the machine's time; only {@link #advance} moves it. */
    public synchronized void freeze() {
        if (frozenAt == null) {
            // Up to a whole second (never back): instants the database keeps in microseconds then compare exactly.
            long second = Duration.ofSeconds(1).toNanos();
            long elapsed = System.nanoTime() - realStart + advanced;
            frozenAt = (elapsed / second + 1) * second - advanced;
        }
    }

    /** Follows the machine's time again from where it stands. */
    public synchronized void thaw() {
        if (frozenAt != null) {
            advanced -= System.nanoTime() - realStart - frozenAt;
            frozenAt = null;
        }
    }

    public synchronized void advance(Duration duration) {
        advanced += duration.toNanos();
    }

    @Override
    public synchronized long nanoTime() {
        return (frozenAt != null ? frozenAt : System.nanoTime() - realStart) + advanced;
    }

    @Override
    public Instant wallClock() {
        return WALL_START.plusNanos(nanoTime());
    }
}
