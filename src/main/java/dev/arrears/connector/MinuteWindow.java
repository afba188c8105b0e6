package dev.arrears.connector;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Calls made in the last minute, on a {@link Ticker}'s monotonic reading: "at most N in any minute",
 * as Xero and Intuit count them. Not thread-safe: the limiter that owns it synchronises.
 */
public final class MinuteWindow {

    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    private final int limit;
    private final Deque<Long> calls = new ArrayDeque<>();

    public MinuteWindow(int limit) {
        this.limit = limit;
    }

    /** How long until one more call fits, or empty when it fits now. */
    public Optional<Duration> waitAt(long now) {
        while (!calls.isEmpty() && now - calls.peekFirst() >= MINUTE) {
            calls.pollFirst();
        }
        return calls.size() < limit ? Optional.empty() : Optional.of(Duration.ofNanos(calls.peekFirst() + MINUTE - now));
    }

    public void record(long now) {
        calls.addLast(now);
    }
}
