package dev.arrears.application.console;

import java.time.Duration;
import java.util.Objects;

/**
 * Session and sign-in limits (mapped from {@code arrears.console.*}).
 *
 * @param idleTimeout       a session unused this long is over
 * @param sessionLifetime   a session ends this long after sign-in, used or not
 * @param maxFailures       failed sign-ins under one name within {@code failureWindow} before it is locked
 * @param lockDuration      how long a locked name is refused, even with the right password
 */
public record ConsoleSecuritySettings(Duration idleTimeout, Duration sessionLifetime, int maxFailures,
                                      Duration failureWindow, Duration lockDuration) {

    public ConsoleSecuritySettings {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(sessionLifetime, "sessionLifetime");
        Objects.requireNonNull(failureWindow, "failureWindow");
        Objects.requireNonNull(lockDuration, "lockDuration");
        if (maxFailures < 1) {
            throw new IllegalArgumentException("arrears.console.max-failed-sign-ins must be at least 1");
        }
    }
}
