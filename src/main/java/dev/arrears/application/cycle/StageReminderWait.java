package dev.arrears.application.cycle;

import dev.arrears.application.AuditKind;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.StageReminders;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.dunning.StageFollowers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A stage's late fee and "sent" note go with the stage's reminder ({@link StageFollowers}): right
 * before one is carried out, the stage's reminders are read from the outbox (PostgreSQL, so every
 * replica and a restarted one agree), and the fee or note goes only once all of them are DONE
 * (sent, found in the ledger, or closed by a person). Until then it waits, without spending an
 * attempt:
 *
 * <ul>
 *   <li>a reminder still to go (held by the send rules, retrying): until the reminder's next attempt;</li>
 *   <li>a reminder with a person (in doubt, "may have been sent", no address): looked at again
 *       every {@link #RECHECK}, never raised on its own; the person closes the reminder's task (the
 *       fee then goes) or stops the fee;</li>
 *   <li>a reminder cancelled (paid, on hold, superseded, stopped): the fee is not raised and the
 *       note not written, since the customer was never told.</li>
 * </ul>
 *
 * An action in doubt is not held: its write began, so its reminder was done then. The payment
 * check right before the write, and the fee's unique key, still apply after the wait.
 */
public final class StageReminderWait {

    /** For tests and wiring without it: nothing waits. */
    public static final StageReminderWait NONE = new StageReminderWait();

    /** How often a fee whose reminder waits for a person looks again. */
    static final Duration RECHECK = Duration.ofHours(1);
    /** The least wait, for a reminder that is due but not carried out yet. */
    static final Duration LEAST = Duration.ofMinutes(1);

    private final StageReminders reminders;
    private final Clock clock;

    public StageReminderWait(StageReminders reminders, Clock clock) {
        this.reminders = Objects.requireNonNull(reminders, "reminders");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private StageReminderWait() {
        this.reminders = null;
        this.clock = null;
    }

    /**
     * Reminders before everything else in a claimed batch (the order otherwise kept), so that a stage's
     * fee and note claimed with their reminder find it done, not waiting.
     */
    static List<ClaimedAction> remindersFirst(List<ClaimedAction> claimed) {
        return claimed.stream().sorted(Comparator.comparingInt(
                c -> c.entry().action() instanceof PlannedAction.SendReminder ? 0 : 1)).toList();
    }

    /** Empty when the action may go now; otherwise what to store instead. */
    Optional<Settlement> check(ClaimedAction claimed) {
        OutboxEntry entry = claimed.entry();
        if (reminders == null || claimed.inDoubt() || !StageFollowers.follows(entry.action())) {
            return Optional.empty();
        }
        // A reminder still PREVIEWED while its fee is dispatched was left out by the go-live rule (which
        // promotes only the latest of what the preview planned, fees on their own): it never goes, so nothing waits for it.
        List<OutboxEntry> stage = reminders.of(entry.invoice(), entry.action().stage()).stream()
                .filter(r -> r.status() != OutboxStatus.PREVIEWED).toList();
        Optional<OutboxEntry> cancelled = first(stage, OutboxStatus.CANCELLED);
        if (cancelled.isPresent()) {
            String reason = "its stage's reminder was cancelled (" + cancelled.get().statusReason().orElse("no reason given")
                    + "): the customer was not told, so " + what(entry) + " is not " + done(entry);
            return Optional.of(Settlement.audited(new ClaimResult.Cancelled(reason), AuditKind.ACTION_CANCELLED,
                    "Cancelled before the write: " + reason + ".", Map.of("reason", reason,
                            "reminder", cancelled.get().action().key().value())));
        }
        Instant now = clock.instant();
        Optional<OutboxEntry> withPerson = first(stage, OutboxStatus.NEEDS_HUMAN);
        if (withPerson.isPresent()) {
            return Optional.of(waits(claimed, withPerson.get(), now.plus(RECHECK), "which waits for a person ("
                    + withPerson.get().statusReason().orElse("no reason given") + "); close its task to let "
                    + what(entry) + " go, or stop it"));
        }
        Optional<OutboxEntry> toGo = stage.stream().filter(r -> r.status() != OutboxStatus.DONE).findFirst();
        if (toGo.isEmpty()) {
            return Optional.empty();
        }
        Instant reminderNext = toGo.get().claimExpiresAt().filter(at -> toGo.get().status() == OutboxStatus.CLAIMED)
                .orElse(toGo.get().nextAttemptAt());
        // A reminder due now but not yet carried out (claimed in a later batch): the fee looks again a minute on,
        // not at once, so that it does not keep this dispatch run going batch after batch on its own.
        Instant until = reminderNext.isAfter(now.plus(LEAST)) ? reminderNext : now.plus(LEAST);
        return Optional.of(waits(claimed, toGo.get(), until, "which has not gone yet (" + toGo.get().status() + ")"));
    }

    private static Settlement waits(ClaimedAction claimed, OutboxEntry reminder, Instant until, String state) {
        String reason = "waits for its stage's reminder " + reminder.action().key() + ", " + state;
        ClaimResult.Retry retry = new ClaimResult.Retry(until, false, false, reason);
        if (claimed.entry().lastError().filter(reason::equals).isPresent()) {
            return Settlement.quiet(retry);   // said already: one audit event per reason, not one per look
        }
        return Settlement.audited(retry, AuditKind.ACTION_DEFERRED, "Waits until " + until + ": " + reason + ".",
                Map.of("nextAttemptAt", until.toString(), "reminder", reminder.action().key().value(),
                        "reminderStatus", reminder.status().name()));
    }

    private static Optional<OutboxEntry> first(List<OutboxEntry> stage, OutboxStatus status) {
        return stage.stream().filter(r -> r.status() == status).findFirst();
    }

    private static String what(OutboxEntry entry) {
        return entry.action() instanceof PlannedAction.ChargeLateFee ? "the late fee it announces" : "the note that says it was sent";
    }

    private static String done(OutboxEntry entry) {
        return entry.action() instanceof PlannedAction.ChargeLateFee ? "raised" : "written";
    }
}
