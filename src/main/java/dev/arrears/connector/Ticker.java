package dev.arrears.connector;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Real time for the providers' rate limits, whatever the business clock says. Limits are counted in
 * the ledger's seconds: under a fixed clock (tests) or a simulated one (the demo runs a day in 10
 * seconds) a minute window on the business clock would never end, or end at once. Windows kept on
 * one replica use {@link #nanoTime()}, which only moves forward; pauses stored for every replica and
 * for restarts use {@link #wallClock()}, the one reading all replicas share. What a limiter tells the
 * dispatcher ("not before") is turned back into business time, since the outbox waits on that clock.
 */
public interface Ticker {

    /** A monotonic reading in nanoseconds, as {@link System#nanoTime()}: only differences mean anything. */
    long nanoTime();

    /** The real time now, for pauses other replicas and a restarted one must see. */
    Instant wallClock();

    /**
     * The wall clock {@code wait} from now, rounded up to the millisecond: a stored pause must never end early, and
     * the database keeps microseconds.
     */
    default Instant wallClockAfter(Duration wait) {
        Instant exact = wallClock().plus(wait);
        Instant millis = exact.truncatedTo(ChronoUnit.MILLIS);
        return millis.equals(exact) ? exact : millis.plusMillis(1);
    }
}
