package dev.arrears.platform.cycle;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code arrears.cycle.*}: the scheduler's cadences, leases and failure back-off. See docs/operations.md. */
@ConfigMapping(prefix = "arrears.cycle")
public interface CycleConfig {

    /** false stops both scheduled jobs (tests drive the use cases directly); the admin API still works. */
    @WithDefault("true")
    boolean enabled();

    /** This replica's name in leases and claims; default: host name and a random suffix chosen at start. */
    Optional<String> replicaId();

    /** How often a replica looks for due organisations. */
    @WithDefault("PT30S")
    Duration tick();

    /** How long after start-up the first tick comes (real time, like the tick). */
    @WithDefault("PT5S")
    Duration startDelay();

    /** How long a replica owns an organisation without renewing; a dead replica's organisations move on after this. */
    @WithDefault("PT5M")
    Duration leaseDuration();

    /** Organisations one replica leases per tick. */
    @WithDefault("10")
    int organisationsPerRun();

    @WithDefault("PT15M")
    Duration syncEvery();

    @WithDefault("PT15M")
    Duration decideEvery();

    @WithDefault("P1D")
    Duration settingsEvery();

    /** First back-off after an organisation's cycle failed; doubles per failure in a row, with jitter. */
    @WithDefault("PT1M")
    Duration failureBackoffBase();

    @WithDefault("PT1H")
    Duration failureBackoffMax();
}
