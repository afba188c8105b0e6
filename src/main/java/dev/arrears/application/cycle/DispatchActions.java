package dev.arrears.application.cycle;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.Outbox;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The dispatch step: claim due actions of live organisations in small batches, carry each out
 * ({@link ActionAttempt}) with no database lock held during the ledger calls, and store what became
 * of it together with its audit event. Any number of replicas may run this at once: a claim is
 * theirs alone until it expires, and an expired claim comes back in doubt.
 */
public final class DispatchActions {

    private static final System.Logger LOG = System.getLogger(DispatchActions.class.getName());

    /** Batches per call, so one call ends even while other replicas keep planning. */
    private static final int MAX_BATCHES = 50;

    private final ReplicaId replica;
    private final Clock clock;
    private final DispatchSettings settings;
    private final ActionClaims claims;
    private final ActionAttempt attempt;
    private final StatementAttempt statements;
    private final InvoiceStore invoices;

    public DispatchActions(ReplicaId replica, Clock clock, DispatchSettings settings, ActionClaims claims,
                           OrganisationStore organisations, InvoiceStore invoices, Outbox outbox, CycleBook book,
                           LedgerGateways gateways, List<ChaseGuard> guards, RetryBackoff backoff, SendRulesCheck sendRules) {
        this(replica, clock, settings, claims, organisations, invoices, outbox, book, gateways, guards, backoff, sendRules,
                EmailReminders.LEDGER_ONLY);
    }

    /** @param emails the email channel: reminders whose channel is email are sent by Arrears, not by the ledger */
    public DispatchActions(ReplicaId replica, Clock clock, DispatchSettings settings, ActionClaims claims,
                           OrganisationStore organisations, InvoiceStore invoices, Outbox outbox, CycleBook book,
                           LedgerGateways gateways, List<ChaseGuard> guards, RetryBackoff backoff, SendRulesCheck sendRules,
                           EmailReminders emails) {
        this(replica, clock, settings, claims, organisations, invoices, outbox, book, gateways, guards, backoff, sendRules, emails,
                StageReminderWait.NONE);
    }

    /** @param stageWait holds a stage's late fee and "sent" note until the stage's reminder is done */
    public DispatchActions(ReplicaId replica, Clock clock, DispatchSettings settings, ActionClaims claims,
                           OrganisationStore organisations, InvoiceStore invoices, Outbox outbox, CycleBook book,
                           LedgerGateways gateways, List<ChaseGuard> guards, RetryBackoff backoff, SendRulesCheck sendRules,
                           EmailReminders emails, StageReminderWait stageWait) {
        this.replica = Objects.requireNonNull(replica, "replica");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.invoices = Objects.requireNonNull(invoices, "invoices");
        PaymentCancellation payments = new PaymentCancellation(outbox);
        this.attempt = new ActionAttempt(this.replica, this.claims, clock, settings, organisations, invoices, payments, book,
                gateways, guards, backoff, Objects.requireNonNull(sendRules, "sendRules"), Objects.requireNonNull(emails, "emails"),
                Objects.requireNonNull(stageWait, "stageWait"));
        this.statements = new StatementAttempt(this.replica, this.claims, clock, settings, organisations, invoices,
                payments, gateways, guards, backoff, sendRules, emails, attempt);
    }

    /** How many claimed actions ended how; {@code lost} were claims another replica had taken over meanwhile. */
    public record Report(int claimed, Map<Outcome, Integer> outcomes, int lost) {
        public Report {
            outcomes = Map.copyOf(outcomes);
        }

        public int count(Outcome outcome) {
            return outcomes.getOrDefault(outcome, 0);
        }
    }

    public enum Outcome { DONE, CANCELLED, RETRY, NEEDS_HUMAN }

    /** Every live organisation's due actions. */
    public Report dispatchDue() {
        return dispatch(Optional.empty());
    }

    /** One organisation's due actions (after its cycle), or everyone's. */
    public Report dispatch(Optional<OrganisationId> organisation) {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        Map<OrganisationId, Instant> quiet = new HashMap<>();
        int claimedCount = 0;
        int lost = 0;
        RunContacts contacts = new RunContacts();
        UUID run = UUID.randomUUID();
        // Every batch takes what was due when the run began: an action this run put back for later (a fee
        // waiting for its reminder, a retry) is not taken again by the same run, however much time the run
        // takes. Otherwise, under an accelerated clock, one run went on to its batch limit and its mark on the
        // organisation kept the organisation's cycle out.
        Instant runStart = clock.instant();
        try {
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                Instant until = clock.instant().plus(settings.claimDuration());
                List<ClaimedAction> claimed = StageReminderWait.remindersFirst(
                        claims.claim(replica.value(), run, runStart, until, settings.batchSize(), organisation));
                if (claimed.isEmpty()) {
                    break;
                }
                claimedCount += claimed.size();
                // The reminders' stored invoices, read once for both groupings of the batch.
                Map<InvoiceRef, Optional<InvoiceSnapshot>> read = new HashMap<>();
                Function<InvoiceRef, Optional<InvoiceSnapshot>> stored = ref -> read.computeIfAbsent(ref, invoices::load);
                contacts.consolidate(claimed, stored);
                Map<ClaimedAction, List<ClaimedAction>> statementOf = new HashMap<>();
                statements.groups(claimed, stored).forEach(group -> group.forEach(member -> statementOf.put(member, group)));
                Set<ClaimedAction> done = new HashSet<>();
                for (ClaimedAction action : claimed) {
                    if (!done.add(action)) {
                        continue;   // settled with its statement
                    }
                    List<ClaimedAction> statement = statementOf.getOrDefault(action, List.of(action));
                    done.addAll(statement);
                    try {
                        for (Optional<Outcome> outcome : carryOut(statement, quiet, contacts)) {
                            if (outcome.isEmpty()) {
                                lost++;
                            } else {
                                outcomes.merge(outcome.get(), 1, Integer::sum);
                            }
                        }
                    } catch (RuntimeException e) {
                        // Typically the database went away. The claim stays until it expires; then the
                        // action comes back, in doubt if its write had begun: nothing lost, nothing twice.
                        LOG.log(Level.WARNING, "Action " + action.entry().action().key() + " left claimed: " + e, e);
                    }
                }
            }
        } finally {
            releaseMarks(run);
        }
        return new Report(claimedCount, outcomes, lost);
    }

    /** The organisations this run marked may be leased by other replicas again; if this fails, the marks expire. */
    private void releaseMarks(UUID run) {
        try {
            claims.release(replica.value(), run);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Dispatch marks left to expire: " + e);
        }
    }

    /**
     * One action, or the reminders of one statement (one email for all of them), each settled on its own.
     * An outcome is empty when the claim was lost before the result could be stored.
     */
    private List<Optional<Outcome>> carryOut(List<ClaimedAction> actions, Map<OrganisationId, Instant> quiet, RunContacts contacts) {
        OrganisationId organisation = actions.getFirst().entry().invoice().organisationId();
        Instant quietUntil = quiet.get(organisation);
        Map<ClaimedAction, Settlement> settlements = new LinkedHashMap<>();
        if (quietUntil != null && clock.instant().isBefore(quietUntil)) {
            // Claimed before the ledger asked for quiet: put back untried rather than written inside the window.
            actions.forEach(a -> settlements.put(a, Settlement.quiet(new ClaimResult.Retry(quietUntil, false, a.inDoubt(),
                    "the ledger asked for quiet"))));
        } else if (actions.size() == 1) {
            settlements.put(actions.getFirst(), attempt.run(actions.getFirst(), contacts));
        } else {
            settlements.putAll(statements.run(actions, contacts));
        }
        List<Optional<Outcome>> outcomes = new ArrayList<>();
        settlements.forEach((action, settlement) -> outcomes.add(store(action, settlement, quiet)));
        return outcomes;
    }

    private Optional<Outcome> store(ClaimedAction action, Settlement settlement, Map<OrganisationId, Instant> quiet) {
        OrganisationId organisation = action.entry().invoice().organisationId();
        settlement.ledgerQuietUntil().ifPresent(until -> quiet.merge(organisation, until,
                (a, b) -> a.isAfter(b) ? a : b));
        Optional<AuditEvent> event = settlement.kind().map(kind -> AuditEvent.forInvoice(action.entry().invoice(), kind,
                Optional.of(action.entry().action().key()), action.entry().policyVersion(), settlement.detail(),
                settlement.message()));
        boolean stored = claims.settle(action.entry().id(), replica.value(), settlement.result(), clock.instant(), event);
        if (!stored) {
            LOG.log(Level.WARNING, "Claim on {0} was lost to another replica before its result was stored; "
                    + "the other replica treats it as in doubt", action.entry().action().key());
            return Optional.empty();
        }
        return Optional.of(switch (settlement.result()) {
            case ClaimResult.Done done -> Outcome.DONE;
            case ClaimResult.Cancelled cancelled -> Outcome.CANCELLED;
            case ClaimResult.Retry retry -> Outcome.RETRY;
            case ClaimResult.NeedsHuman human -> Outcome.NEEDS_HUMAN;
        });
    }
}
