package dev.arrears.architecture.violations.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** Deliberately broken: reads the system clock in four ways outside platform. */
public class ClockReadingResource {
    public Object[] now() {
        return new Object[] {Instant.now(), System.currentTimeMillis(), Clock.systemUTC(), LocalDate.now()};
    }
}
