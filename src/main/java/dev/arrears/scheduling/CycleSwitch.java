package dev.arrears.scheduling;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code arrears.cycle.enabled=false} stops the scheduled jobs (the test profile does; so can an operator). */
@Singleton
public class CycleSwitch implements Scheduled.SkipPredicate {

    private final boolean enabled;

    public CycleSwitch(@ConfigProperty(name = "arrears.cycle.enabled", defaultValue = "true") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !enabled;
    }
}
