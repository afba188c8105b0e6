package dev.arrears.platform.cycle;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code arrears.dispatch.*}: how outbox actions are claimed and retried. See docs/operations.md. */
@ConfigMapping(prefix = "arrears.dispatch")
public interface DispatchConfig {

    /** How often a replica claims due actions of all live organisations (retries included). */
    @WithDefault("PT1M")
    Duration every();

    /** How long after start-up the first dispatch run comes (real time, like the cadence). */
    @WithDefault("PT10S")
    Duration startDelay();

    /** How long a claim lasts: longer than the slowest ledger call, since an expired claim is taken over in doubt. */
    @WithDefault("PT5M")
    Duration claimDuration();

    @WithDefault("20")
    int batchSize();

    /** Failed attempts after which an action waits for a person, its reason shown in the admin API. */
    @WithDefault("5")
    int maxAttempts();

    /** First retry delay; doubles per attempt, with jitter, never before the provider's Retry-After. */
    @WithDefault("PT1M")
    Duration backoffBase();

    @WithDefault("PT6H")
    Duration backoffMax();
}
