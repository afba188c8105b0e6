package dev.arrears.application.cycle;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.LogContext;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.application.ledger.LedgerGateway;
import dev.arrears.application.ledger.SettingsReport;
import dev.arrears.application.ledger.SyncReport;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cycle of DESIGN.md for the organisations this replica leases:
 * lease, settings (daily), sync (the gateway refreshes the access token itself), decide, dispatch,
 * with every step's effect and the audit trail in the database, so any step can be cut short (a
 * crash, a lost database connection, a lost lease) and simply run again by whichever replica leases
 * the organisation next. One organisation's failure is recorded on it, backs it off exponentially
 * and never stops the others.
 */
public final class RunCycle {

    private static final System.Logger LOG = System.getLogger(RunCycle.class.getName());

    private final ReplicaId replica;
    private final Clock clock;
    private final CycleSettings settings;
    private final OrganisationLeases leases;
    private final CycleBook book;
    private final OrganisationStore organisations;
    private final LedgerGateways gateways;
    private final DecideOrganisation decide;
    private final DispatchActions dispatch;
    private final AuditTrail audit;
    private final SettingsReads settingsReads;
    private final RetryBackoff failureBackoff;
    private final CycleTimer timer;
    /** Guards against two threads of this process on one organisation (a tick and an operator's "run now"). */
    private final Set<OrganisationId> working = ConcurrentHashMap.newKeySet();

    public RunCycle(ReplicaId replica, Clock clock, CycleSettings settings, OrganisationLeases leases, CycleBook book,
                    OrganisationStore organisations, LedgerGateways gateways, DecideOrganisation decide,
                    DispatchActions dispatch, AuditTrail audit, SettingsReads settingsReads, RetryBackoff failureBackoff,
                    CycleTimer timer) {
        this.replica = Objects.requireNonNull(replica, "replica");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.leases = Objects.requireNonNull(leases, "leases");
        this.book = Objects.requireNonNull(book, "book");
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.gateways = Objects.requireNonNull(gateways, "gateways");
        this.decide = Objects.requireNonNull(decide, "decide");
        this.dispatch = Objects.requireNonNull(dispatch, "dispatch");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.settingsReads = Objects.requireNonNull(settingsReads, "settingsReads");
        this.failureBackoff = Objects.requireNonNull(failureBackoff, "failureBackoff");
        this.timer = Objects.requireNonNull(timer, "timer");
    }

    public ReplicaId replica() {
        return replica;
    }

    /** One scheduler tick: lease the due organisations (up to the configured number) and work each. */
    public List<CycleOutcome> runDue() {
        Instant now = clock.instant();
        DueSteps due = new DueSteps(now.minus(settings.syncEvery()), now.minus(settings.decideEvery()),
                now.minus(settings.settingsEvery()));
        List<OrganisationId> leased = leases.acquireDue(replica.value(), now, now.plus(settings.leaseDuration()), due,
                settings.organisationsPerRun());
        List<CycleOutcome> outcomes = new ArrayList<>();
        for (OrganisationId organisation : leased) {
            outcomes.add(work(organisation));
        }
        return outcomes;
    }

    /** An operator's "run now" for one organisation, whatever its cadences and back-off say. */
    public CycleOutcome runNow(OrganisationId organisation) {
        Instant now = clock.instant();
        Optional<Organisation> found = organisations.find(organisation);
        if (found.isEmpty()) {
            return new CycleOutcome.Skipped(organisation, "no such organisation");
        }
        if (!DecideOrganisation.decides(found.get().mode())) {
            return new CycleOutcome.Skipped(organisation, "the organisation is " + found.get().mode());
        }
        book.requestCycle(Optional.of(organisation), now);
        if (!leases.acquire(organisation, replica.value(), now, now.plus(settings.leaseDuration()))) {
            return new CycleOutcome.Skipped(organisation, "it is being worked on (another replica's cycle or a dispatch run); the requested cycle runs once it is free");
        }
        return work(organisation);
    }

    private CycleOutcome work(OrganisationId organisation) {
        if (!working.add(organisation)) {
            // This process is already on it; that run holds (and will release) the lease.
            return new CycleOutcome.Skipped(organisation, "already running in this replica");
        }
        try (LogContext.Scope named = LogContext.organisation(organisation)) {
            return cycle(organisation);
        } finally {
            working.remove(organisation);
            try {
                leases.release(organisation, replica.value());
            } catch (RuntimeException e) {
                // The lease simply expires; this replica may also take it again at its next tick.
                LOG.log(Level.WARNING, "Could not release the lease on " + organisation + ": " + e);
            }
        }
    }

    private CycleOutcome cycle(OrganisationId id) {
        try {
            Organisation organisation = organisations.find(id).orElseThrow(() -> new CycleFailure("the organisation was removed"));
            if (!DecideOrganisation.decides(organisation.mode())) {
                return new CycleOutcome.Skipped(id, "the organisation is " + organisation.mode());
            }
            LedgerGateway gateway = gateways.forProvider(organisation.provider())
                    .orElseThrow(() -> new CycleFailure(LedgerGateways.missing(organisation.provider())));
            CycleRecord record = book.find(id).orElseThrow(() -> new CycleFailure("the organisation was removed"));
            boolean requested = record.cycleRequestedAt().isPresent();
            List<String> done = new ArrayList<>();

            // Settings keep their own daily cadence even on an operator's "run now": a read at
            // registration or by an accountant minutes ago counts (SettingsReads), so a requested
            // cycle costs the ledger one sync call, not a settings read as well.
            if (due(record.settingsRefreshedAt(), settings.settingsEvery())) {
                renew(id);
                timer.time(organisation.provider(), CycleTimer.Step.SETTINGS, () -> refreshSettings(id, gateway));
                done.add("settings");
            }
            boolean synced = false;
            if (requested || due(record.lastSyncAt(), settings.syncEvery())) {
                renew(id);
                SyncReport sync = timer.time(organisation.provider(), CycleTimer.Step.SYNC, () -> gateway.sync(id));
                if (sync.stoppedBy().isPresent()) {
                    throw new CycleFailure("sync stopped after " + sync.invoicesStored() + " invoices", sync.stoppedBy().get());
                }
                stepDone(id, CycleStep.SYNC);
                synced = true;
                done.add("sync " + sync.invoicesStored());
            }
            if (requested || synced || due(record.lastDecideAt(), settings.decideEvery())) {
                renew(id);
                // Read again: a mode switch (go-live, pause) during the sync must be decided under.
                Organisation current = organisations.find(id).orElseThrow();
                if (!DecideOrganisation.decides(current.mode())) {
                    return new CycleOutcome.Skipped(id, "the organisation became " + current.mode());
                }
                DecideOrganisation.Report report = timer.time(current.provider(), CycleTimer.Step.DECIDE,
                        () -> decide.decide(current, clock.instant()));
                stepDone(id, CycleStep.DECIDE);
                done.add("decided " + report.recorded() + ", planned " + report.plannedActions()
                        + (report.errors().isEmpty() ? "" : ", " + report.errors().size() + " invoice errors"));
                if (current.mode() == OrganisationMode.LIVE) {
                    renew(id);
                    DispatchActions.Report sent = timer.time(current.provider(), CycleTimer.Step.DISPATCH,
                            () -> dispatch.dispatch(Optional.of(id)));
                    done.add("dispatched " + sent.count(DispatchActions.Outcome.DONE));
                }
            }
            String outcome = done.isEmpty() ? "nothing due" : String.join(", ", done);
            if (!book.succeeded(id, outcome, clock.instant(), replica.value())) {
                throw new LeaseLost("the lease on " + id + " was lost to another replica before the cycle was recorded");
            }
            return new CycleOutcome.Completed(id, outcome);
        } catch (LeaseLost e) {
            return new CycleOutcome.Skipped(id, e.getMessage());
        } catch (RuntimeException e) {
            return failed(id, e);
        }
    }

    private SettingsReport refreshSettings(OrganisationId id, LedgerGateway gateway) {
        SettingsReport report = gateway.refreshSettings(id);
        Optional<LedgerFailure> failure = report.failure();
        if (failure.isPresent() && failure.get() instanceof LedgerFailure.NeedsReconnect) {
            throw new CycleFailure("reading the ledger settings", failure.get());
        }
        settingsReads.noted(id, report, clock.instant(), replica);
        return report;
    }

    private CycleOutcome failed(OrganisationId id, RuntimeException error) {
        String message = error instanceof CycleFailure ? error.getMessage() : error.toString();
        Optional<LedgerFailure> ledger = error instanceof CycleFailure failure ? failure.ledgerFailure() : Optional.empty();
        try {
            if (ledger.isPresent() && ledger.get() instanceof LedgerFailure.NeedsReconnect) {
                organisations.setMode(id, OrganisationMode.NEEDS_RECONNECT);
            }
            Instant now = clock.instant();
            int failures = book.find(id).map(CycleRecord::consecutiveFailures).orElse(0) + 1;
            Optional<Instant> notBefore = ledger.flatMap(f -> f instanceof LedgerFailure.RetryLater later
                    ? later.notBefore() : Optional.empty());
            Instant backoffUntil = failureBackoff.next(now, failures, notBefore);
            if (!book.failed(id, "failed", message, now, backoffUntil, replica.value())) {
                // Another replica works the organisation now: its record is not ours to back off.
                return new CycleOutcome.Skipped(id, "failed (" + message + ") after the lease was lost to another replica");
            }
            // A Retry-After seen by the sync quiets the dispatcher's writes to this ledger as well.
            notBefore.ifPresent(until -> book.pauseWrites(id, until));
            audit.append(AuditEvent.forOrganisation(id, AuditKind.CYCLE_FAILED,
                    Map.of("error", message, "failures", failures, "backoffUntil", backoffUntil.toString()),
                    "The cycle failed (" + failures + " in a row): " + message + "; next try after " + backoffUntil + "."));
        } catch (RuntimeException unrecordable) {
            // Usually the database itself: the failure cannot be written down now; the lease expires
            // and the next run starts again from what the database holds.
            LOG.log(Level.WARNING, "Cycle of " + id + " failed (" + message + ") and could not be recorded: " + unrecordable);
        }
        return new CycleOutcome.Failed(id, message);
    }

    private void stepDone(OrganisationId id, CycleStep step) {
        if (!book.stepDone(id, step, clock.instant(), replica.value())) {
            throw new LeaseLost("the lease on " + id + " was lost to another replica; it carries on");
        }
    }

    private void renew(OrganisationId id) {
        if (!leases.renew(id, replica.value(), clock.instant().plus(settings.leaseDuration()))) {
            throw new LeaseLost("the lease on " + id + " was lost to another replica; it carries on");
        }
    }

    private boolean due(Optional<Instant> lastRun, java.time.Duration every) {
        return lastRun.isEmpty() || !lastRun.get().isAfter(clock.instant().minus(every));
    }

    private static final class LeaseLost extends RuntimeException {
        LeaseLost(String message) {
            super(message);
        }
    }
}
