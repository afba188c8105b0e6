package dev.arrears.domain.dunning;

import dev.arrears.domain.collections.CollectionsContext;
import dev.arrears.domain.collections.Dispute;
import dev.arrears.domain.collections.Hold;
import dev.arrears.domain.collections.Instalment;
import dev.arrears.domain.collections.LimitationPeriod;
import dev.arrears.domain.collections.PlanStanding;
import dev.arrears.domain.collections.PromiseToPay;
import dev.arrears.domain.fee.LateFeeCalculator;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.policy.Policy;
import dev.arrears.domain.policy.PolicyOptions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One decision for an open invoice with a due date, with what people agreed about it: promises are
 * judged once their date has passed, the limitation warning is raised once, and while a dispute, a
 * hold, a promise or a payment plan applies the ladder is paused (no reminders, no fees; pending
 * actions cancelled once when the pause starts). When nothing pauses it, the ladder decides as
 * always, so the catch-up rule brings it straight to the stage due that day: stages that fell in the
 * pause are recorded as skipped, never sent in a burst.
 *
 * <p>While paused, the stored stage and fees stay as they were; only notices and the review date change.
 */
final class CollectionsDecision {

    static final String PLAN_STAGE = "payment plan";
    static final String LIMITATION_STAGE = "limitation";

    /** Something that pauses the ladder today. {@code key} identifies the fact ("hold:h1"). */
    private record Pause(String key, String reason, Optional<LocalDate> endsOn) {
    }

    private final InvoiceSnapshot invoice;
    private final DunningState state;
    private final Policy policy;
    private final LocalDate today;
    private final CollectionsContext context;
    private final LateFeeCalculator calculator;

    private final List<PlannedAction> actions = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();
    private final List<Cancellation> cancellations = new ArrayList<>();
    private final List<CollectionsEvent> events = new ArrayList<>();
    private final List<String> notices;
    private final List<LocalDate> reviewDays = new ArrayList<>();

    CollectionsDecision(InvoiceSnapshot invoice, DunningState state, Policy policy, LocalDate today,
                        CollectionsContext context, LateFeeCalculator calculator) {
        this.invoice = invoice;
        this.state = state;
        this.policy = policy;
        this.today = today;
        this.context = context;
        this.calculator = calculator;
        this.notices = new ArrayList<>(state.notices());
    }

    Decision decide() {
        judgePromises();
        warnOfLimitation();
        List<Pause> pauses = pauses();
        if (!pauses.isEmpty()) {
            return paused(pauses);
        }
        boolean resumed = explainResumptions();
        Decision ladder = new LadderDecision(invoice, state.withNotices(notices), policy, today, calculator).decide();
        // The ladder remembers its own one-off flags (a fee a person has to settle) among the notices.
        ladder.newState().notices().stream().filter(n -> !notices.contains(n)).forEach(notices::add);
        if (resumed) {
            replanInterruptedStage(ladder);
        }
        Optional<LocalDate> nextReview = Stream.concat(ladder.newState().nextReviewOn().stream(), reviewDays.stream())
                .min(LocalDate::compareTo);
        List<PlannedAction> all = Stream.concat(ladder.actions().stream(), actions.stream()).toList();
        List<String> why = Stream.concat(reasons.stream(), ladder.reasons().stream()).toList();
        return new Decision(ladder.newState().withNotices(notices).withNextReview(nextReview), all, why, cancellations, events);
    }

    // ---- promises -------------------------------------------------------------------------------

    private void judgePromises() {
        for (PromiseToPay promise : context.promisesOf(invoice)) {
            String notice = "promise:" + promise.id() + ":judged";
            if (!promise.judgedBy(today) || notices.contains(notice)) {
                continue;
            }
            notices.add(notice);
            if (promise.keptBy(invoice)) {
                events.add(new CollectionsEvent.PromiseKept(invoice.customerId(), invoice.invoiceId(), promise.id(), promise.payBy()));
                reasons.add(promise.describe() + " was kept (" + promise.paidWithin(invoice) + " paid): chasing resumes for the "
                        + invoice.amountDue() + " still owed");
            } else {
                events.add(new CollectionsEvent.PromiseBroken(invoice.customerId(), invoice.invoiceId(), promise.id(), promise.payBy()));
                reasons.add(promise.describe() + " was broken (" + promise.paidWithin(invoice) + " paid by the end of "
                        + promise.payBy() + "): recorded on customer " + invoice.customerId()
                        + "; chasing resumes on " + promise.resumesOn() + " at the stage due that day");
            }
        }
    }

    // ---- limitation -----------------------------------------------------------------------------

    private void warnOfLimitation() {
        if (context.limitation().isEmpty()) {
            return;
        }
        LimitationPeriod period = context.limitation().get();
        LocalDate dueDate = invoice.dueDate().orElseThrow();
        LocalDate warnOn = period.warnOn(dueDate);
        String notice = "limitation-warning";
        if (notices.contains(notice)) {
            return;
        }
        if (today.isBefore(warnOn)) {
            reviewDays.add(warnOn);
            return;
        }
        LocalDate endsOn = period.endsOn(dueDate);
        String text = (today.isBefore(endsOn)
                ? "the limitation period for " + name() + " ends on " + endsOn + " (" + (endsOn.toEpochDay() - today.toEpochDay()) + " days left"
                : "the limitation period for " + name() + " ended on " + endsOn + " (")
                + "; " + period.years() + " years from the due date " + dueDate
                + "): get a written acknowledgement or part payment, or start proceedings, before it ends";
        notices.add(notice);
        actions.add(new PlannedAction.FlagForPerson(
                ActionKey.forInvoice(invoice.organisationId(), invoice.invoiceId(), notice), LIMITATION_STAGE, text));
        reasons.add("limitation warning: " + text);
    }

    // ---- pauses ---------------------------------------------------------------------------------

    private List<Pause> pauses() {
        List<Pause> pauses = new ArrayList<>();
        for (Dispute dispute : context.disputesOf(invoice)) {
            if (dispute.activeOn(today)) {
                pauses.add(new Pause("dispute:" + dispute.id(), "suppressed: " + dispute.describe()
                        + "; no messages and no fees until it is resolved", Optional.empty()));
            }
        }
        for (Hold hold : context.holdsOf(invoice)) {
            if (hold.activeOn(today)) {
                pauses.add(new Pause("hold:" + hold.id(), "suppressed: " + hold.describe()
                        + hold.endsOn().map(d -> "; chasing resumes on " + d).orElse("; until a person lifts it"), hold.endsOn()));
            }
        }
        for (PromiseToPay promise : context.promisesOf(invoice)) {
            if (promise.activeOn(today)) {
                pauses.add(new Pause("promise:" + promise.id(), "suppressed: " + promise.describe() + "; chasing pauses until "
                        + promise.payBy() + " and resumes on " + promise.resumesOn() + " unless it is kept",
                        Optional.of(promise.resumesOn())));
            }
        }
        for (PlanStanding standing : context.plansOf(invoice)) {
            if (standing.inForceOn(today)) {
                var plan = standing.plan();
                pauses.add(new Pause("plan:" + plan.id(), "suppressed: payment plan " + plan.id() + " agreed on " + plan.agreedOn()
                        + " (" + plan.instalments().size() + " instalments, " + plan.total() + ", " + standing.paidThrough(today)
                        + " paid so far): no ladder reminders and no fees while it is kept", Optional.empty()));
            }
        }
        return pauses;
    }

    private Decision paused(List<Pause> pauses) {
        for (Pause pause : pauses) {
            String notice = "paused:" + pause.key();
            if (!notices.contains(notice)) {
                notices.add(notice);
                if (cancellations.isEmpty()) {
                    cancellations.add(new Cancellation(invoice.organisationId(), invoice.invoiceId(),
                            "pending reminders and fees cancelled: " + pause.reason().replaceFirst("^suppressed: ", "")));
                }
            }
            reasons.add(pause.reason());
            pause.endsOn().ifPresent(reviewDays::add);
        }
        reasons.add(state.stage().map(s -> "stays at '" + s + "'").orElse("no stage reached yet")
                + ": stages that come due meanwhile are not sent; when the pause ends the invoice re-enters at the stage due that day");
        boolean messagesStopped = pauses.stream().anyMatch(p -> p.key().startsWith("hold:") || p.key().startsWith("dispute:"));
        for (PlanStanding standing : context.plansOf(invoice)) {
            if (!standing.inForceOn(today)) {
                continue;
            }
            if (messagesStopped) {
                reasons.add("payment plan " + standing.plan().id() + ": its reminders are suppressed too while the invoice is on hold or disputed");
            } else {
                planMessages(standing);
            }
        }
        Optional<LocalDate> nextReview = reviewDays.stream().filter(today::isBefore).min(LocalDate::compareTo);
        return new Decision(state.withNotices(notices).withNextReview(nextReview), actions, reasons, cancellations, events);
    }

    /**
     * When a pause ends and the stage due that day is the stage the invoice already had, that stage's
     * reminders, notes and flags are planned again with their original keys: the pause (or a hold
     * seen right before the write) may have cancelled them before they reached the ledger, and the
     * catch-up rule promises the stage due that day. The outbox plans a key again only if it was
     * cancelled; one already written stays written and is not sent twice. Fees are not planned
     * again: their periods are charged at most once, and a pause waives the fee that fell inside it.
     */
    private void replanInterruptedStage(Decision ladder) {
        Optional<String> stage = ladder.newState().stage();
        if (stage.isEmpty() || !stage.equals(state.stage())) {
            return; // a new stage was entered (its actions are planned anyway) or none is reached yet
        }
        policy.stages().stream().filter(s -> s.name().equals(stage.get())).findFirst().ifPresent(current -> {
            List<PlannedAction> again = LadderDecision.messagesOf(invoice, current);
            if (!again.isEmpty()) {
                actions.addAll(again);
                reasons.add("'" + current.name() + "' is the stage due on " + today + ": its reminders, notes and flags are planned"
                        + " again, so any the pause cancelled before they were written go out now (nothing already written is sent twice)");
            }
        });
    }

    /** @return whether a pause ended with this decision */
    private boolean explainResumptions() {
        boolean any = false;
        for (String notice : List.copyOf(notices)) {
            if (!notice.startsWith("paused:")) {
                continue;
            }
            String key = notice.substring("paused:".length());
            String resumed = "resumed:" + key;
            if (!notices.contains(resumed)) {
                notices.add(resumed);
                any = true;
                reasons.add(key.replace(':', ' ') + " no longer applies: chasing resumes at the stage due on " + today
                        + " (catch-up: stages that came due meanwhile are recorded, not sent)");
            }
        }
        return any;
    }

    // ---- payment plans --------------------------------------------------------------------------

    private void planMessages(PlanStanding standing) {
        var plan = standing.plan();
        PolicyOptions options = policy.options();
        Optional<Instalment> missed = standing.missedOn(today);
        if (missed.isPresent()) {
            Instalment instalment = missed.get();
            reasons.add("payment plan " + plan.id() + ": instalment " + instalment.number() + " of " + instalment.amount()
                    + " due on " + instalment.dueOn() + " was missed (" + standing.paidThrough(today) + " paid towards the plan, "
                    + plan.dueThrough(instalment.number()) + " due by then)");
            once(ActionKey.forPlan(invoice.organisationId(), plan.id(), instalment.number(), "missed"),
                    key -> new PlannedAction.SendReminder(key, PLAN_STAGE, options.missedInstalmentTemplate()));
            LocalDate flagOn = instalment.dueOn().plusDays(options.flagMissedInstalmentAfterDays());
            if (today.isBefore(flagOn)) {
                reviewDays.add(flagOn);
            } else {
                String why = "instalment " + instalment.number() + " of payment plan " + plan.id() + " (" + instalment.amount()
                        + " due " + instalment.dueOn() + ") is still unpaid after " + options.flagMissedInstalmentAfterDays()
                        + " days: decide whether to end the plan (the ladder then resumes at the stage due)";
                once(ActionKey.forPlan(invoice.organisationId(), plan.id(), instalment.number(), "flag"),
                        key -> new PlannedAction.FlagForPerson(key, PLAN_STAGE, why));
            }
            return;
        }
        Optional<Instalment> next = standing.nextUncovered(today);
        if (next.isEmpty()) {
            return;
        }
        Instalment instalment = next.get();
        reviewDays.add(instalment.dueOn().plusDays(1));
        LocalDate courtesyOn = instalment.dueOn().minusDays(options.courtesyDaysBeforeInstalment());
        if (today.isBefore(courtesyOn)) {
            reasons.add("payment plan " + plan.id() + " is kept so far; courtesy reminder for instalment " + instalment.number()
                    + " on " + courtesyOn);
            reviewDays.add(courtesyOn);
            return;
        }
        reasons.add("payment plan " + plan.id() + ": courtesy reminder for instalment " + instalment.number() + " of "
                + instalment.amount() + " due on " + instalment.dueOn());
        once(ActionKey.forPlan(invoice.organisationId(), plan.id(), instalment.number(), "courtesy"),
                key -> new PlannedAction.SendReminder(key, PLAN_STAGE, options.courtesyTemplate()));
    }

    /** Plans an action whose key is remembered in the notices, so it is planned at most once. */
    private void once(ActionKey key, java.util.function.Function<ActionKey, PlannedAction> action) {
        if (!notices.contains(key.value())) {
            notices.add(key.value());
            actions.add(action.apply(key));
        }
    }

    private String name() {
        return "invoice " + (invoice.number() == null || invoice.number().isBlank() ? invoice.invoiceId() : invoice.number());
    }
}
