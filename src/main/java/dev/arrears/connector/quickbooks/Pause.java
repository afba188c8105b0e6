package dev.arrears.connector.quickbooks;

import java.time.Duration;

/** Waiting between retries, behind an interface so that tests move a clock instead of sleeping. */
interface Pause {
    void pause(Duration duration);
}
