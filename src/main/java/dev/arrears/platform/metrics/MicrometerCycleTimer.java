package dev.arrears.platform.metrics;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.cycle.CycleTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The cycle's step durations as the Prometheus histogram {@code arrears_cycle_step_duration_seconds},
 * tagged by provider and step only. The buckets span a settings read of a few calls to the first
 * sync of a large organisation; Micrometer's own monotonic clock measures, so a simulated
 * application clock (the demo) does not distort the figures.
 */
@ApplicationScoped
public class MicrometerCycleTimer implements CycleTimer {

    static final String NAME = "arrears.cycle.step.duration";
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(15), Duration.ofMinutes(1), Duration.ofMinutes(5)};

    private final MeterRegistry registry;

    public MicrometerCycleTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public <T> T time(LedgerProvider provider, Step step, Supplier<T> work) {
        return Timer.builder(NAME)
                .description("How long one step of one organisation's cycle took, failed steps included")
                .tags("provider", provider.name().toLowerCase(Locale.ROOT), "step", step.name().toLowerCase(Locale.ROOT))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(work);
    }
}
