package dev.arrears.connector.quickbooks;

import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.connector.MinuteWindow;
import dev.arrears.connector.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Intuit's limits for one realm on this replica: so many requests in any minute, so many at once,
 * a batch budget of its own, and a back-off after a throttle. Leases give each realm to one replica
 * at a time, so counting locally is enough; the back-off is also stored for the next replica.
 * Windows and the back-off run on real time ({@link Ticker}), not on the business clock, under which a
 * minute may never end (a fixed clock) or pass at once (the demo's); a full minute is refused with the
 * moment a slot frees up, in business time, rather than waited out, so the cycle moves on to other realms.
 */
final class RealmLimiter {

    private final int perMinute;
    private final int batchesPerMinute;
    private final Duration slotWait;
    private final Semaphore slots;
    private final Ticker ticker;
    private final Clock clock;
    private final MinuteWindow recent;
    private final MinuteWindow recentBatches;
    /** On the ticker; backing off while {@code now - backoffUntil < 0}. */
    private long backoffUntil;

    RealmLimiter(int perMinute, int concurrent, int batchesPerMinute, Duration slotWait, Ticker ticker, Clock clock) {
        this.perMinute = perMinute;
        this.batchesPerMinute = batchesPerMinute;
        this.slotWait = slotWait;
        this.slots = new Semaphore(concurrent, true);
        this.ticker = ticker;
        this.clock = clock;
        this.recent = new MinuteWindow(perMinute);
        this.recentBatches = new MinuteWindow(batchesPerMinute);
        this.backoffUntil = ticker.nanoTime();
    }

    /** Takes a request slot, or throws {@link QboProblem} with {@link LedgerFailure.RetryLater}; call {@link #release()} after. */
    void acquire(boolean batch) {
        synchronized (this) {
            long now = ticker.nanoTime();
            if (now - backoffUntil < 0) {
                throw refused("QuickBooks asked Arrears to slow down for this company", Duration.ofNanos(backoffUntil - now));
            }
            Optional<Duration> wait = recent.waitAt(now);
            if (wait.isPresent()) {
                throw refused("the limit of " + perMinute + " requests a minute for this company is reached", wait.get());
            }
            Optional<Duration> batchWait = batch ? recentBatches.waitAt(now) : Optional.empty();
            if (batchWait.isPresent()) {
                throw refused("the limit of " + batchesPerMinute + " batch requests a minute is reached", batchWait.get());
            }
            recent.record(now);
            if (batch) {
                recentBatches.record(now);
            }
        }
        try {
            if (!slots.tryAcquire(slotWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw refused("all concurrent request slots for this company stayed busy", Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused("interrupted while waiting for a request slot", Duration.ZERO);
        }
    }

    void release() {
        slots.release();
    }

    /** Backs off for {@code wait} of real time; a longer back-off already running is kept. */
    synchronized void backOff(Duration wait) {
        long until = ticker.nanoTime() + wait.toNanos();
        if (until - backoffUntil > 0) {
            backoffUntil = until;
        }
    }

    /** A back-off stored by a replica (or before a restart) until {@code wallUntil}, on the real wall clock. */
    void backOffUntilWall(Instant wallUntil) {
        Duration left = Duration.between(ticker.wallClock(), wallUntil);
        if (left.isPositive()) {
            backOff(left);
        }
    }

    /** The end of the current back-off in business time, if backing off. */
    synchronized Optional<Instant> backoffUntil() {
        long now = ticker.nanoTime();
        return now - backoffUntil < 0 ? Optional.of(clock.instant().plusNanos(backoffUntil - now)) : Optional.empty();
    }

    private QboProblem refused(String reason, Duration wait) {
        return new QboProblem(LedgerFailure.RetryLater.throttled(reason, clock.instant().plus(wait)));
    }
}
