package dev.arrears.domain.dunning;

import dev.arrears.domain.fee.FeeOutcome;
import dev.arrears.domain.fee.LateFeeCalculator;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.policy.ActionSpec;
import dev.arrears.domain.policy.FeeComputation;
import dev.arrears.domain.policy.LateFeeRule;
import dev.arrears.domain.policy.Policy;
import dev.arrears.domain.policy.Stage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One decision for an open invoice that has a due date: works out the stage, plans what entering it
 * asks for, charges the fees that are due, and says why. Used once and thrown away; all the state
 * worth keeping goes into the returned {@link DunningState}.
 */
final class LadderDecision {

    private final InvoiceSnapshot invoice;
    private final DunningState state;
    private final Policy policy;
    private final LocalDate today;
    private final LateFeeCalculator calculator;
    private final LocalDate dueDate;
    private final List<Stage> stages;

    private final List<String> reasons = new ArrayList<>();
    private final List<PlannedAction> actions = new ArrayList<>();
    private final List<String> completed;
    private final List<String> skipped;
    private final List<ChargedFee> fees;
    private final List<String> notices;
    private final Set<String> rulesAsked = new HashSet<>();
    private Map<String, Stage> feeAnchors = Map.of();

    LadderDecision(InvoiceSnapshot invoice, DunningState state, Policy policy, LocalDate today, LateFeeCalculator calculator) {
        this.invoice = invoice;
        this.state = state;
        this.policy = policy;
        this.today = today;
        this.calculator = calculator;
        this.dueDate = invoice.dueDate().orElseThrow();
        this.stages = policy.stages();
        this.completed = new ArrayList<>(state.completedStages());
        this.skipped = new ArrayList<>(state.skippedStages());
        this.fees = new ArrayList<>(state.fees());
        this.notices = new ArrayList<>(state.notices());
    }

    Decision decide() {
        explainResumption();
        int floor = monotonicFloor();
        int target = target(floor);
        Optional<Stage> current = target >= 0 ? Optional.of(stages.get(target)) : Optional.empty();
        boolean entering = current.isPresent() && !current.get().name().equals(state.stage().orElse(null));
        feeAnchors = feeAnchors(target);
        if (current.isPresent()) {
            recordPassedOver(target);
            reach(current.get(), entering);
        } else {
            reasons.add("no stage has been reached yet (due date " + dueDate + ")");
        }
        feeAnchors.keySet().forEach(this::chargeIfDue);
        Optional<LocalDate> nextReview = nextReview(current);

        DunningState newState = new DunningState(
                current.isPresent() ? DunningStatus.ACTIVE : DunningStatus.NOT_STARTED,
                current.map(Stage::name),
                current.isEmpty() ? Optional.empty() : entering ? Optional.of(today) : state.stageEnteredOn().or(() -> Optional.of(today)),
                Optional.of(dueDate), completed, skipped, fees, nextReview, notices);
        return new Decision(newState, actions, reasons);
    }

    private void explainResumption() {
        if (state.status() == DunningStatus.LEFT) {
            reasons.add("owed again (amount due " + invoice.amountDue() + "): chasing resumes");
        } else if (state.status() == DunningStatus.FLAGGED) {
            reasons.add("the due date is now known (" + dueDate + "): chasing can start");
        }
    }

    /**
     * The least severe stage this decision may settle on: the stored stage, unless the due date it
     * was worked out from has moved (then everything is worked out again from the new date).
     */
    private int monotonicFloor() {
        Optional<LocalDate> workedOutFrom = state.dueDateAtStage();
        if (workedOutFrom.isPresent() && !workedOutFrom.get().equals(dueDate)) {
            reasons.add("due date moved from " + workedOutFrom.get() + " to " + dueDate
                    + ": stages are worked out again from the new date; nothing already sent is sent again");
            return -1;
        }
        if (state.stage().isEmpty()) {
            return -1;
        }
        int severity = policy.severityOf(state.stage().get());
        if (severity < 0) {
            reasons.add("stage '" + state.stage().get() + "' is no longer in policy '" + policy.id() + "' (version "
                    + policy.version() + "): stages are worked out again");
        }
        return severity;
    }

    /** The most severe stage whose date has come and whose conditions hold, never below the floor. */
    private int target(int floor) {
        int target = floor;
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            if (stageDate(stage).isAfter(today)) {
                break;
            }
            Optional<String> whyNot = StageConditions.whyNot(stage, invoice);
            if (whyNot.isPresent()) {
                if (i > floor) {
                    reasons.add(quoted(stage) + " (from " + stageDate(stage) + ") does not apply: " + whyNot.get());
                }
            } else if (i > target) {
                target = i;
            }
        }
        return target;
    }

    private void recordPassedOver(int target) {
        Stage to = stages.get(target);
        for (int i = 0; i < target; i++) {
            Stage stage = stages.get(i);
            if (completed.contains(stage.name()) || skipped.contains(stage.name())
                    || StageConditions.whyNot(stage, invoice).isPresent()) {
                continue;
            }
            skipped.add(stage.name());
            reasons.add("skipped " + quoted(stage) + " (due " + stageDate(stage) + "): catch-up to " + quoted(to));
        }
    }

    private void reach(Stage stage, boolean entering) {
        if (entering) {
            reasons.add("reached " + quoted(stage) + " (from " + stageDate(stage) + ", due date " + dueDate
                    + offsetInWords(stage) + ")");
        } else {
            reasons.add("stays at " + quoted(stage) + state.stageEnteredOn().map(d -> " (since " + d + ")").orElse(""));
        }
        if (!completed.contains(stage.name())) {
            planActions(stage);
            completed.add(stage.name());
        } else if (entering) {
            reasons.add(quoted(stage) + " was done before; nothing is sent again");
        }
    }

    private void planActions(Stage stage) {
        String org = invoice.organisationId();
        String inv = invoice.invoiceId();
        String name = stage.name();
        for (int i = 0; i < stage.actions().size(); i++) {
            switch (stage.actions().get(i)) {
                case ActionSpec.SendReminder reminder -> actions.add(new PlannedAction.SendReminder(
                        ActionKey.forStage(org, inv, stage.key(), "reminder", i), name, reminder.template()));
                case ActionSpec.AddNote note -> actions.add(new PlannedAction.AddNote(
                        ActionKey.forStage(org, inv, stage.key(), "note", i), name, note.text()));
                case ActionSpec.FlagForPerson flag -> actions.add(new PlannedAction.FlagForPerson(
                        ActionKey.forStage(org, inv, stage.key(), "flag", i), name, flag.reason()));
                case ActionSpec.ChargeLateFee fee -> chargeIfDue(fee.ruleId());
            }
        }
    }

    /** The stage's reminders, notes and flags (not its fees), keyed exactly as when the stage was entered. */
    static List<PlannedAction> messagesOf(InvoiceSnapshot invoice, Stage stage) {
        List<PlannedAction> messages = new ArrayList<>();
        String org = invoice.organisationId();
        String inv = invoice.invoiceId();
        String name = stage.name();
        for (int i = 0; i < stage.actions().size(); i++) {
            switch (stage.actions().get(i)) {
                case ActionSpec.SendReminder reminder -> messages.add(new PlannedAction.SendReminder(
                        ActionKey.forStage(org, inv, stage.key(), "reminder", i), name, reminder.template()));
                case ActionSpec.AddNote note -> messages.add(new PlannedAction.AddNote(
                        ActionKey.forStage(org, inv, stage.key(), "note", i), name, note.text()));
                case ActionSpec.FlagForPerson flag -> messages.add(new PlannedAction.FlagForPerson(
                        ActionKey.forStage(org, inv, stage.key(), "flag", i), name, flag.reason()));
                case ActionSpec.ChargeLateFee fee -> { }
            }
        }
        return messages;
    }

    /**
     * Each fee rule is anchored to the least severe stage that charges it among the stages done or
     * current, so that its periods are always counted from the same date, whichever stage asks.
     * Stages passed over by catch-up never charge.
     */
    private Map<String, Stage> feeAnchors(int target) {
        Map<String, Stage> anchors = new LinkedHashMap<>();
        for (int i = 0; i <= target; i++) {
            Stage stage = stages.get(i);
            if (i == target || completed.contains(stage.name())) {
                for (ActionSpec action : stage.actions()) {
                    if (action instanceof ActionSpec.ChargeLateFee fee) {
                        anchors.putIfAbsent(fee.ruleId(), stage);
                    }
                }
            }
        }
        return anchors;
    }

    private void chargeIfDue(String ruleId) {
        if (!rulesAsked.add(ruleId)) {
            return;
        }
        Stage anchor = feeAnchors.get(ruleId);
        LateFeeRule rule = policy.feeRule(ruleId).orElseThrow();
        FeeOutcome outcome = calculator.calculate(invoice, rule, stageDate(anchor), fees, today);
        reasons.add(outcome.reason());
        if (outcome instanceof FeeOutcome.Charge charge) {
            FeeApplication fee = charge.fee();
            actions.add(new PlannedAction.ChargeLateFee(
                    ActionKey.forFee(invoice.organisationId(), invoice.invoiceId(), rule.key(), fee.period()), anchor.name(), fee));
            fees.add(ChargedFee.of(fee));
        } else if (outcome instanceof FeeOutcome.ForPerson person && !notices.contains(forPersonNotice(rule))
                && !chargedInItsPlace(anchor)) {
            // Owed but not chargeable by itself (another currency than the statute's): a person settles it, asked once.
            notices.add(forPersonNotice(rule));
            actions.add(new PlannedAction.FlagForPerson(ActionKey.forInvoice(invoice.organisationId(), invoice.invoiceId(),
                    forPersonNotice(rule)), anchor.name(), person.reason()));
        }
    }

    /**
     * Whether the stage charges, beside a rule a person would have to settle, a fixed fee in the invoice's currency: the
     * policy's way of saying what to charge instead (config/README.md: a {@code fixed} rule listing the other currencies
     * beside {@code statutory_compensation}), so nobody needs to be asked.
     */
    private boolean chargedInItsPlace(Stage stage) {
        return stage.actions().stream().filter(ActionSpec.ChargeLateFee.class::isInstance)
                .map(a -> policy.feeRule(((ActionSpec.ChargeLateFee) a).ruleId()).orElseThrow().computation())
                .anyMatch(c -> c instanceof FeeComputation.FixedAmount fixed && fixed.amounts().containsKey(invoice.currency()));
    }

    /** The notice (and action key purpose) of a fee rule's one task for a person; the full payment asks no second time. */
    static String forPersonNotice(LateFeeRule rule) {
        return "fee-" + rule.key() + "-for-person";
    }

    /** The earliest day on which, without new input, a decision could come out differently. */
    private Optional<LocalDate> nextReview(Optional<Stage> current) {
        Optional<Stage> nextStage = stages.stream().filter(s -> stageDate(s).isAfter(today)).findFirst();
        nextStage.ifPresent(s -> reasons.add("next stage " + quoted(s) + " on " + stageDate(s)));
        Stream<LocalDate> stageDay = nextStage.map(this::stageDate).stream();
        Stream<LocalDate> feeDays = feeAnchors.entrySet().stream()
                .flatMap(e -> calculator.nextChargeDate(invoice, policy.feeRule(e.getKey()).orElseThrow(),
                        stageDate(e.getValue()), fees, today).stream());
        Stream<LocalDate> reviewDay = current.flatMap(Stage::reviewAfterDays).map(today::plusDays).stream();
        return Stream.of(stageDay, feeDays, reviewDay).flatMap(s -> s).min(LocalDate::compareTo);
    }

    private LocalDate stageDate(Stage stage) {
        return dueDate.plusDays(stage.dayOffset());
    }

    private static String quoted(Stage stage) {
        return "'" + stage.name() + "'";
    }

    private static String offsetInWords(Stage stage) {
        int offset = stage.dayOffset();
        if (offset == 0) {
            return "";
        }
        return (offset > 0 ? " + " : " - ") + Math.abs(offset) + (Math.abs(offset) == 1 ? " day" : " days");
    }
}
