package dev.arrears.connector.quickbooks;

import dev.arrears.application.ledger.LedgerFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Intuit's limits for one realm on this replica: so many requests in any minute, so many at once,
 * a batch budget of its own, and a back-off after a throttle. Leases give each realm to one replica
 * at a time, so counting locally is enough; the back-off is also stored for the next replica.
 * Time comes from the caller (a {@link java.time.Clock}); a full minute is refused with the instant
 * a slot frees up rather than waited out, so the cycle moves on to other realms.
 */
final class RealmLimiter {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final int perMinute;
    private final int batchesPerMinute;
    private final Duration slotWait;
    private final Semaphore slots;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private final Deque<Instant> recentBatches = new ArrayDeque<>();
    private Instant backoffUntil = Instant.MIN;

    RealmLimiter(int perMinute, int concurrent, int batchesPerMinute, Duration slotWait) {
        this.perMinute = perMinute;
        this.batchesPerMinute = batchesPerMinute;
        this.slotWait = slotWait;
        this.slots = new Semaphore(concurrent, true);
    }

    /** Takes a request slot, or throws {@link QboProblem} with {@link LedgerFailure.RetryLater}; call {@link #release()} after. */
    void acquire(Instant now, boolean batch) {
        synchronized (this) {
            if (now.isBefore(backoffUntil)) {
                throw refused("QuickBooks asked Arrears to slow down for this company", backoffUntil);
            }
            prune(recent, now);
            prune(recentBatches, now);
            if (recent.size() >= perMinute) {
                throw refused("the limit of " + perMinute + " requests a minute for this company is reached",
                        recent.peekFirst().plus(MINUTE));
            }
            if (batch && recentBatches.size() >= batchesPerMinute) {
                throw refused("the limit of " + batchesPerMinute + " batch requests a minute is reached",
                        recentBatches.peekFirst().plus(MINUTE));
            }
            recent.addLast(now);
            if (batch) {
                recentBatches.addLast(now);
            }
        }
        try {
            if (!slots.tryAcquire(slotWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw refused("all concurrent request slots for this company stayed busy", now.plusSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused("interrupted while waiting for a request slot", now);
        }
    }

    void release() {
        slots.release();
    }

    synchronized void backOff(Instant until) {
        if (until.isAfter(backoffUntil)) {
            backoffUntil = until;
        }
    }

    synchronized Optional<Instant> backoffUntil(Instant now) {
        return now.isBefore(backoffUntil) ? Optional.of(backoffUntil) : Optional.empty();
    }

    private static void prune(Deque<Instant> times, Instant now) {
        Instant horizon = now.minus(MINUTE);
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.removeFirst();
        }
    }

    private static QboProblem refused(String reason, Instant notBefore) {
        return new QboProblem(LedgerFailure.RetryLater.throttled(reason, notBefore));
    }
}
