package dev.arrears.platform.clock;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How Arrears tells the time. {@code system} in production; the other modes exist for tests and
 * demos, so that weeks of dunning can be watched in minutes.
 */
@ConfigMapping(prefix = "arrears.clock")
public interface ClockConfig {

    /** system, fixed, offset or accelerated. */
    @WithDefault("system")
    Mode mode();

    /** fixed: the instant the clock always shows; accelerated: the simulated instant at start-up. */
    Optional<Instant> start();

    /**
     * accelerated: the real (system) instant at which the clock shows {@code start}; before it the
     * clock stands at {@code start}. Default: the moment the clock is created. Processes given the
     * same start, rate and anchor (several replicas, a restarted daemon, the sandbox's
     * {@code --clock-anchor}) read one and the same simulated time.
     */
    Optional<Instant> anchor();

    /** offset: added to the system time (ISO-8601 duration, e.g. P14D or -PT3H). */
    Optional<Duration> offset();

    /** accelerated: how much simulated time passes per real second (e.g. PT8640S = one day per 10 s). */
    Optional<Duration> perSecond();

    enum Mode { SYSTEM, FIXED, OFFSET, ACCELERATED }
}
