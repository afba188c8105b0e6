package dev.arrears.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The ledger's clock: the clock the sandbox was started with, plus an offset the control API
 * can move forward (never back: payments and change stamps must stay in order).
 */
public final class SandboxClock extends Clock {

    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    SandboxClock(Clock base) {
        this.base = base;
    }

    public synchronized void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the sandbox clock only moves forward");
        }
        offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public long millis() {
        return base.millis() + offset.toMillis();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the sandbox converts to each organisation's zone explicitly");
    }
}
