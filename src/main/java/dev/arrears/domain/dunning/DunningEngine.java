package dev.arrears.domain.dunning;

import dev.arrears.domain.collections.CollectionsContext;
import dev.arrears.domain.fee.LateFeeCalculator;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.policy.Policy;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, for one invoice on one day, which stage of the policy's ladder it has reached and what
 * that asks for. A pure function: no clock, no I/O, no state between calls; the caller passes
 * today's date in the organisation's zone (see {@code OrganisationDay}) and stores the returned state.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Not chased:</b> a late fee raised by Arrears; a draft (not started); a settled invoice
 *       (paid, voided, deleted, or nothing owed), which leaves dunning (status LEFT).</li>
 *   <li><b>Full payment:</b> an invoice that was being chased and is paid in full after its due date is
 *       asked, once, what its fee rules accrued and did not charge up to the payment day (interest, and a
 *       statutory compensation not charged yet); each rule's {@code on_full_payment} raises a final fee
 *       invoice, gives a person a task, or waives it with a reason ({@link FullPayment}).</li>
 *   <li><b>No due date:</b> flagged for a person once (status FLAGGED); a date is never guessed
 *       from the issue date.</li>
 *   <li><b>Stage dates:</b> due date + the stage's day offset. Overdue starts the day after the due
 *       date, so offset 1 is reached on due date + 1.</li>
 *   <li><b>Target stage:</b> the most severe stage whose date has come and whose conditions hold.</li>
 *   <li><b>Monotonic:</b> while the due date is the one the stored stage was worked out from, the
 *       invoice never goes back to a less severe stage (even if a stage condition stops holding).
 *       If the due date moved, everything is worked out again from the new date and the invoice may
 *       go back; stages already done are never planned again. A stage that catch-up skipped was
 *       never sent, so if the moved date brings the invoice to it again, it is planned then.</li>
 *   <li><b>Catch-up:</b> when several stages have come at once, the invoice moves straight to the
 *       most severe one and only its actions are planned; the others are recorded as skipped.</li>
 *   <li><b>Entering a stage</b> not yet done plans its actions in order, each keyed by stage and
 *       position (fees by rule and period), and marks the stage done.</li>
 *   <li><b>Fees</b> keep repeating after their stage: on every decision while the invoice is owed,
 *       each fee rule of the stages done up to the current one is asked for its current period.
 *       A rule named by several stages counts its periods from the least severe of them. Stages
 *       skipped by catch-up charge nothing.</li>
 *   <li><b>Next review:</b> the earliest of the next stage's date, the next fee period's date and
 *       today + the current stage's review interval; empty when nothing can change without new input.</li>
 *   <li><b>Idempotent:</b> deciding again with the returned state on the same inputs plans nothing
 *       and returns an equal state.</li>
 * </ul>
 * Reaching a stage that flags the invoice for a person keeps it ACTIVE (fees carry on); FLAGGED is
 * for invoices the engine cannot work on at all.
 *
 * <h2>Collections rules (with a {@link CollectionsContext})</h2>
 * <ul>
 *   <li><b>Pauses:</b> an active dispute, hold (organisation, customer or invoice), promise to pay or
 *       payment plan in force pauses the ladder: no reminders, no fees, the stored stage stays, and
 *       the first decision of each pause returns a {@link Cancellation} of the invoice's pending
 *       actions. When the last pause ends, catch-up moves the invoice to the stage due that day.</li>
 *   <li><b>Promises</b> pause through the promised date and are judged the day after: kept or
 *       broken, once, as a {@link CollectionsEvent} for the customer's history.</li>
 *   <li><b>Payment plans</b> plan a courtesy reminder before each instalment and, for a missed one,
 *       a reminder the day after and a flag for a person later, keyed by plan and instalment.
 *       Holds and disputes silence these too.</li>
 *   <li><b>Thank-you:</b> with the policy option on, an invoice that was ACTIVE and is now paid (not
 *       voided or deleted) gets one thank-you, unless it is on hold or disputed that day.</li>
 *   <li><b>Limitation:</b> one flag for a person from the warning day before the limitation period ends.</li>
 *   <li>One-off actions and pause starts are remembered in {@link DunningState#notices()}, so deciding
 *       again with the returned state repeats none of them.</li>
 * </ul>
 */
public final class DunningEngine {

    static final String THANK_YOU = ActionKey.THANK_YOU;

    private final LateFeeCalculator calculator;

    public DunningEngine() {
        this(new LateFeeCalculator());
    }

    public DunningEngine(LateFeeCalculator calculator) {
        this.calculator = Objects.requireNonNull(calculator, "calculator");
    }

    /** Decides without any collections facts: exactly the ladder, as before collections rules existed. */
    public Decision decide(InvoiceSnapshot invoice, DunningState state, Policy policy, LocalDate today) {
        return decide(invoice, state, policy, today, CollectionsContext.NONE);
    }

    public Decision decide(InvoiceSnapshot invoice, DunningState state, Policy policy, LocalDate today,
                           CollectionsContext context) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(today, "today");
        String invoiceName = invoiceName(invoice);
        if (invoice.lateFeeInvoice()) {
            return nothingPlanned(state, state.status(),
                    invoiceName + " is a late fee raised by Arrears: late fees are not chased");
        }
        if (invoice.status() == InvoiceStatus.DRAFT) {
            return nothingPlanned(state, DunningStatus.NOT_STARTED,
                    invoiceName + " is a draft, not yet sent to the customer: not chased");
        }
        if (invoice.isSettled()) {
            Decision left = nothingPlanned(state, DunningStatus.LEFT, invoiceName + " is " + settledInWords(invoice)
                    + ": it leaves dunning" + state.stage().map(s -> " at '" + s + "'").orElse("") + " and nothing more is planned");
            return new FullPayment(invoice, state, policy, today, context, calculator)
                    .settle(thankYou(invoice, state, policy, today, context, left));
        }
        if (invoice.dueDate().isEmpty()) {
            return flagMissingDueDate(invoice, state, invoiceName);
        }
        return new CollectionsDecision(invoice, state, policy, today, context, calculator).decide();
    }

    /**
     * Once an invoice that was being chased (ACTIVE) is paid, a thank-you if the policy asks for one.
     * Not for voided or deleted invoices: those were not paid. Decided once: the state leaves ACTIVE.
     */
    private static Decision thankYou(InvoiceSnapshot invoice, DunningState state, Policy policy, LocalDate today,
                                     CollectionsContext context, Decision left) {
        var template = policy.options().thankYouTemplate();
        boolean paid = invoice.status() == InvoiceStatus.PAID || invoice.status() == InvoiceStatus.OPEN;
        if (template.isEmpty() || state.status() != DunningStatus.ACTIVE || !paid || state.hasNotice(THANK_YOU)) {
            return left;
        }
        List<String> notices = new java.util.ArrayList<>(state.notices());
        notices.add(THANK_YOU);
        DunningState newState = left.newState().withNotices(notices);
        Optional<String> silenced = FullPayment.heldOrDisputed(context, invoice, today);
        if (silenced.isPresent()) {
            return new Decision(newState, List.of(), List.of(left.reasons().getFirst(),
                    "thank-you not sent: " + silenced.get()));
        }
        PlannedAction thanks = new PlannedAction.SendReminder(
                ActionKey.forThankYou(invoice.organisationId(), invoice.invoiceId()), THANK_YOU, template.get());
        return new Decision(newState, List.of(thanks), List.of(left.reasons().getFirst(),
                "paid in full after being chased: thank-you note with template '" + template.get() + "'"));
    }

    private static Decision flagMissingDueDate(InvoiceSnapshot invoice, DunningState state, String invoiceName) {
        String reason = invoiceName + " has no due date: a person has to set one (Arrears never guesses it from the issue date "
                + invoice.issueDate() + ")";
        if (state.status() == DunningStatus.FLAGGED) {
            return nothingPlanned(state, DunningStatus.FLAGGED, reason + "; already flagged");
        }
        PlannedAction flag = new PlannedAction.FlagForPerson(
                ActionKey.forInvoice(invoice.organisationId(), invoice.invoiceId(), "no-due-date"), "no-due-date", reason);
        return new Decision(with(state, DunningStatus.FLAGGED), List.of(flag), List.of(reason));
    }

    private static Decision nothingPlanned(DunningState state, DunningStatus status, String reason) {
        return new Decision(with(state, status), List.of(), List.of(reason));
    }

    /** Same history, new status, and no review date: nothing changes for these without new input. */
    private static DunningState with(DunningState state, DunningStatus status) {
        return new DunningState(status, state.stage(), state.stageEnteredOn(), state.dueDateAtStage(),
                state.completedStages(), state.skippedStages(), state.fees(), Optional.empty(), state.notices());
    }

    private static String settledInWords(InvoiceSnapshot invoice) {
        return switch (invoice.status()) {
            case PAID -> "paid in full";
            case VOIDED -> "voided";
            case DELETED -> "deleted";
            case OPEN, DRAFT -> "paid in full (amount due " + invoice.amountDue() + ")";
        };
    }

    private static String invoiceName(InvoiceSnapshot invoice) {
        return "invoice " + (invoice.number() == null || invoice.number().isBlank() ? invoice.invoiceId() : invoice.number());
    }
}
