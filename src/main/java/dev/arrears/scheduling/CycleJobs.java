package dev.arrears.scheduling;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.cycle.CycleOutcome;
import dev.arrears.application.cycle.DispatchActions;
import dev.arrears.application.cycle.OrganisationControl;
import dev.arrears.application.cycle.ReplicaRestart;
import dev.arrears.application.cycle.RunCycle;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;

/**
 * The two clocks of the daemon. Thin on purpose: everything that matters happens in the use cases
 * and is kept in the database. {@code SKIP} means a tick that finds the previous one still running
 * in this process does nothing; across replicas, the leases and claims keep work apart.
 */
@ApplicationScoped
public class CycleJobs {

    private final RunCycle cycle;
    private final DispatchActions dispatch;
    private final ReplicaRestart restart;
    private final OrganisationControl control;
    private final Clock clock;

    public CycleJobs(RunCycle cycle, DispatchActions dispatch, ReplicaRestart restart, OrganisationControl control, Clock clock) {
        this.cycle = cycle;
        this.dispatch = dispatch;
        this.restart = restart;
        this.control = control;
        this.clock = clock;
    }

    /** Before the first tick: what an earlier run of this replica held is let go (a no-op under a fresh id). */
    void onStart(@Observes StartupEvent started) {
        try {
            restart.letGoOfEarlierRun();
        } catch (RuntimeException e) {
            // The database may not be up yet; the earlier run's leases and claims then simply expire.
            Log.warnf("Could not let go of this replica's earlier leases and claims; they will expire: %s", e.getMessage());
        }
    }

    /**
     * Resume the paused organisations whose resume date has come, then lease due organisations and run
     * their cycle: settings, sync, decide, and dispatch for live ones.
     */
    @Scheduled(identity = "arrears-cycle", every = "${arrears.cycle.tick:PT30S}", delayed = "${arrears.cycle.start-delay:PT5S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = CycleSwitch.class)
    void cycle() {
        for (OrganisationId resumed : control.resumeDue(clock.instant())) {
            Log.infof("Organisation %s resumed: its resume date has come", resumed);
        }
        List<CycleOutcome> outcomes = cycle.runDue();
        for (CycleOutcome outcome : outcomes) {
            if (outcome instanceof CycleOutcome.Failed failed) {
                Log.warnf("Cycle of %s failed: %s", failed.organisation(), failed.summary());
            } else {
                Log.debugf("Cycle of %s: %s", outcome.organisation(), outcome.summary());
            }
        }
    }

    /** Claim and carry out due actions of every live organisation: retries and anything a cycle left. */
    @Scheduled(identity = "arrears-dispatch", every = "${arrears.dispatch.every:PT1M}", delayed = "${arrears.dispatch.start-delay:PT10S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = CycleSwitch.class)
    void dispatch() {
        DispatchActions.Report report = dispatch.dispatchDue();
        if (report.claimed() > 0) {
            Log.infof("Dispatch: %d claimed, %s, %d lost to other replicas", report.claimed(), report.outcomes(), report.lost());
        }
    }
}
