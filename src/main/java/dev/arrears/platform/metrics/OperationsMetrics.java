package dev.arrears.platform.metrics;

import dev.arrears.application.OperationsFigures;
import dev.arrears.application.OperationsFigures.Figures;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Gauges of the stored state (actions by kind, channel and status; in doubt; the oldest due
 * action's age; organisations by mode; paused writes), read from PostgreSQL every 30 s rather
 * than at each scrape, so that Prometheus never adds load to the database it watches. Every
 * replica reports the same figures: aggregate them with {@code max}, not {@code sum}.
 */
@Startup
@ApplicationScoped
public class OperationsMetrics {

    private static final Logger LOG = Logger.getLogger(OperationsMetrics.class);

    private final OperationsFigures figures;
    private final Clock clock;
    private final MultiGauge actions;
    private final MultiGauge organisations;
    private final AtomicReference<Figures> last = new AtomicReference<>();

    OperationsMetrics(OperationsFigures figures, Clock clock, MeterRegistry registry) {
        this.figures = figures;
        this.clock = clock;
        this.actions = MultiGauge.builder("arrears.actions")
                .description("Outbox actions by kind, channel and status").register(registry);
        this.organisations = MultiGauge.builder("arrears.organisations")
                .description("Organisations by mode").register(registry);
        Gauge.builder("arrears.actions.in_doubt", last, l -> l.get() == null ? Double.NaN : l.get().inDoubt())
                .description("Actions whose last attempt may have reached the ledger").strongReference(true).register(registry);
        Gauge.builder("arrears.actions.oldest_due_age_seconds", this, OperationsMetrics::oldestDueAgeSeconds)
                .description("How long the longest-waiting due action has waited (0 when none is due)").strongReference(true)
                .register(registry);
        Gauge.builder("arrears.organisations.writes_paused", last, l -> l.get() == null ? Double.NaN : l.get().writesPaused())
                .description("Organisations a ledger asked to slow down (429), still paused").strongReference(true)
                .register(registry);
    }

    @Scheduled(every = "30s", delay = 5, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // The gauges keep their last figures; a database outage shows in readiness, not here.
            LOG.warnf("Could not read the operations figures: %s", e.getClass().getSimpleName());
        }
    }

    /** Reads the figures now (the scheduled tick, and tests). */
    public void refresh() {
        Figures f = figures.read(clock.instant());
        last.set(f);
        actions.register(f.actions().stream()
                .map(a -> MultiGauge.Row.of(Tags.of("kind", a.kind(), "channel", a.channel(), "status", a.status()), a.count()))
                .toList(), true);
        organisations.register(f.organisationsByMode().entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("mode", e.getKey()), e.getValue()))
                .toList(), true);
    }

    private double oldestDueAgeSeconds() {
        Figures f = last.get();
        if (f == null) {
            return Double.NaN;
        }
        return f.oldestDueAt().map(at -> (double) Math.max(0, Duration.between(at, clock.instant()).toSeconds())).orElse(0.0);
    }
}
