package dev.arrears.platform.clock;

import dev.arrears.connector.Ticker;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/** The machine's real time for rate limits: {@link System#nanoTime()} and the system clock, never the business clock. */
@ApplicationScoped
public class SystemTicker implements Ticker {

    private final Clock system = Clock.systemUTC();

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Instant wallClock() {
        return system.instant();
    }
}
