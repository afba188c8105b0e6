package dev.arrears.architecture.violations.platform;

import java.time.Clock;

/** Allowed: platform is the one place that reads the system clock. */
public class PlatformClock {
    public Clock clock() {
        return Clock.systemUTC();
    }
}
