package dev.arrears.application.forecast;

import dev.arrears.application.SendRules;
import dev.arrears.domain.collections.CollectionsContext;
import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.Decision;
import dev.arrears.domain.dunning.DunningState;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.dunning.StageFollowers;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.policy.ActionSpec;
import dev.arrears.domain.policy.Policy;
import dev.arrears.domain.policy.ReminderChannel;
import dev.arrears.domain.policy.Stage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Replays a policy over a list of invoices, day by day, as the daemon would run it: each day's
 * decision starts from the state the previous day's decision left, so stages, catch-up and fee
 * periods behave exactly as they will live. Invoices are taken as they are now (no payments are
 * invented), which is the question an accountant asks: "if nobody pays, what happens when?"
 */
public final class Forecast {

    /** A forecast longer than ten years is a typo, not a plan. */
    public static final int MAX_DAYS = 3660;

    private final DecisionRule rule;
    private final ReminderSubjects subjects;

    public Forecast(DecisionRule rule) {
        this(rule, ReminderSubjects.NONE);
    }

    /** @param subjects each email reminder's subject, shown on its line */
    public Forecast(DecisionRule rule, ReminderSubjects subjects) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.subjects = Objects.requireNonNull(subjects, "subjects");
    }

    public ForecastReport run(Policy policy, List<InvoiceSnapshot> invoices, LocalDate from, int days) {
        return run(policy, invoices, from, days, ForecastEvents.NONE);
    }

    /**
     * With events: each day the invoices are taken as they would be synced that day (payments made by
     * then applied), and the engine is given the holds, disputes, promises and plans.
     */
    public ForecastReport run(Policy policy, List<InvoiceSnapshot> invoices, LocalDate from, int days, ForecastEvents events) {
        return run(policy, invoices, from, days, events, Optional.empty());
    }

    /**
     * With send rules: every reminder planned on a day is passed through the {@code ContactScheduler}
     * as the daemon does before sending it (proposed at the start of that day in the rules' zone,
     * against the forecast's own sends to that customer; a customer's reminders planned on one day
     * are one contact). A reminder that may not go that day gets a {@code deferred} line with the
     * scheduler's reasons, and appears itself on the day it would really go out, even after the last
     * day of the forecast: it is never dropped and never shown twice. A late fee or note planned by the
     * same stage on the same day goes with its reminder, on the day it goes out, as the daemon holds it;
     * other notes, fees and flags do not wait.
     */
    public ForecastReport run(Policy policy, List<InvoiceSnapshot> invoices, LocalDate from, int days, ForecastEvents events,
                              Optional<SendRules> sendRules) {
        return run(policy, invoices, Map.of(), from, days, events, sendRules);
    }

    /**
     * From where the invoices stand: each invoice starts from its state in {@code startStates} (by
     * invoice id; the initial state when absent), so stages already done are not forecast again. This
     * is the console's forecast of an organisation's own mirrored invoices.
     */
    public ForecastReport run(Policy policy, List<InvoiceSnapshot> invoices, Map<String, DunningState> startStates, LocalDate from,
                              int days, ForecastEvents events, Optional<SendRules> sendRules) {
        Objects.requireNonNull(startStates, "startStates");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(sendRules, "sendRules");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(from, "from");
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS + ", was " + days);
        }
        List<InvoiceSnapshot> ordered = List.copyOf(invoices);
        // One state per invoice, by position (two equal snapshots are still two invoices);
        // null once an invoice could not be decided.
        DunningState[] states = new DunningState[ordered.size()];
        for (int i = 0; i < ordered.size(); i++) {
            states[i] = startStates.getOrDefault(ordered.get(i).invoiceId(), DunningState.initial());
        }
        List<ForecastLine> lines = new ArrayList<>();
        LocalDate to = from.plusDays(days - 1L);
        CollectionsContext context = events.context();
        Set<ActionKey> planned = new HashSet<>();
        Optional<ForecastSendWindows> windows = sendRules.map(ForecastSendWindows::new);
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Map<String, List<ForecastSendWindows.Reminder>> reminders = new LinkedHashMap<>();
            for (int i = 0; i < ordered.size(); i++) {
                if (states[i] != null) {
                    InvoiceSnapshot invoice = events.invoiceOn(ordered.get(i), day);
                    payments(invoice, events, day, lines);
                    states[i] = decideOne(invoice, states[i], policy, day, context, planned, lines,
                            windows.map(w -> reminders));
                }
            }
            LocalDate today = day;
            windows.ifPresent(w -> w.schedule(today, reminders, lines));
        }
        if (windows.isPresent()) {
            // Deferred reminders were added when they were planned, dated the day they go out: put every line on its day.
            lines.sort(java.util.Comparator.comparing(ForecastLine::date));
        }
        return new ForecastReport(policy, from, to, invoices.size(), StatementLines.mark(lines));
    }

    /** Returns the state to carry into the next day, or null when the invoice cannot be decided at all. */
    private DunningState decideOne(InvoiceSnapshot invoice, DunningState state, Policy policy, LocalDate day,
                                   CollectionsContext context, Set<ActionKey> planned, List<ForecastLine> lines,
                                   Optional<Map<String, List<ForecastSendWindows.Reminder>>> reminders) {
        Decision decision;
        try {
            decision = rule.decide(invoice, state, policy, day, context);
        } catch (RuntimeException e) {
            // Contained like a malformed ledger record: reported once, the other invoices carry on.
            lines.add(line(invoice, day, "-", ForecastLine.Kind.ERROR, Optional.empty(),
                    "cannot be decided: " + e.getMessage() + "; left out of the rest of the forecast", List.of()));
            return null;
        }
        List<String> reasons = decision.reasons();
        for (String skipped : newlySkipped(state, decision.newState())) {
            String reached = decision.newState().stage().orElse("a later stage");
            lines.add(line(invoice, day, skipped, ForecastLine.Kind.SKIPPED_STAGE, Optional.empty(),
                    "passed over on catch-up to '" + reached + "'; recorded, not sent", reasons));
        }
        CollectionsLines.add(invoice, state, decision, day, lines);
        List<PlannedAction> fresh = decision.actions().stream().filter(a -> planned.add(a.key())).toList();
        // Like the outbox: a key planned once (a payment plan's reminder, planned by each of its invoices) is one action.
        Map<String, ForecastSendWindows.Reminder> stageReminders = new LinkedHashMap<>();
        for (PlannedAction action : fresh) {
            if (action instanceof PlannedAction.SendReminder reminder && reminders.isPresent()) {
                // Held back until the day's send rules are asked for all of this customer's reminders at once.
                ForecastSendWindows.Reminder held = new ForecastSendWindows.Reminder(toLine(invoice, day, action, reasons, policy),
                        action.key(), on -> reminderDetail(reminder, invoice, on, policy));
                reminders.get().computeIfAbsent(invoice.customerId(), c -> new ArrayList<>()).add(held);
                stageReminders.putIfAbsent(reminder.stage(), held);
            }
        }
        for (PlannedAction action : fresh) {
            if (action instanceof PlannedAction.SendReminder && reminders.isPresent()) {
                continue;
            }
            ForecastLine line = toLine(invoice, day, action, reasons, policy);
            ForecastSendWindows.Reminder announcing = StageFollowers.follows(action) ? stageReminders.get(action.stage()) : null;
            if (announcing != null) {
                // The stage's fee and "sent" note go with its reminder, as the dispatcher holds them (StageReminderWait).
                announcing.followers().add(line);
            } else {
                lines.add(line);
            }
        }
        feesNotCharged(invoice, state, decision, policy, day, lines);
        return decision.newState();
    }

    /**
     * A stage reached today that asks for a late fee the engine did not charge deserves a line of
     * its own: "final notice, but no fee" is exactly what an accountant trying a policy must see
     * (a currency without an amount, grace days still running, a cap already reached).
     */
    private static void feesNotCharged(InvoiceSnapshot invoice, DunningState before, Decision decision, Policy policy,
                                       LocalDate day, List<ForecastLine> lines) {
        Set<String> charged = decision.actions().stream()
                .filter(PlannedAction.ChargeLateFee.class::isInstance)
                .map(a -> ((PlannedAction.ChargeLateFee) a).fee().ruleId())
                .collect(Collectors.toSet());
        for (String stageName : decision.newState().completedStages()) {
            if (before.completedStages().contains(stageName)) {
                continue;
            }
            policy.stage(stageName).ifPresent(stage -> stage.actions().stream()
                    .filter(ActionSpec.ChargeLateFee.class::isInstance)
                    .map(a -> ((ActionSpec.ChargeLateFee) a).ruleId())
                    .filter(ruleId -> !charged.contains(ruleId))
                    .distinct()
                    .forEach(ruleId -> lines.add(line(invoice, day, stageName, ForecastLine.Kind.FEE_NOT_CHARGED,
                            Optional.empty(), whyNoFee(ruleId, decision.reasons()), decision.reasons()))));
        }
    }

    /** The engine's sentence about this rule ("fee 'late-fee': no fixed amount for JPY ..."), if it gave one. */
    private static String whyNoFee(String ruleId, List<String> reasons) {
        return reasons.stream().filter(r -> r.startsWith("fee '" + ruleId + "'")).findFirst()
                .orElse("fee rule '" + ruleId + "': nothing charged on this day");
    }

    private static void payments(InvoiceSnapshot invoice, ForecastEvents events, LocalDate day, List<ForecastLine> lines) {
        events.payments().stream()
                .filter(p -> p.invoiceNumber().equals(invoice.invoiceId()) && p.date().equals(day))
                .forEach(p -> lines.add(line(invoice, day, "-", ForecastLine.Kind.PAYMENT, Optional.empty(),
                        p.amount() + " paid; " + invoice.amountDue() + " still owed", List.of())));
    }

    private static List<String> newlySkipped(DunningState before, DunningState after) {
        return after.skippedStages().stream().filter(s -> !before.skippedStages().contains(s)).toList();
    }

    private ForecastLine toLine(InvoiceSnapshot invoice, LocalDate day, PlannedAction action, List<String> reasons, Policy policy) {
        return switch (action) {
            case PlannedAction.SendReminder r -> line(invoice, day, r.stage(), ForecastLine.Kind.REMINDER,
                    Optional.empty(), reminderDetail(r, invoice, day, policy), reasons);
            case PlannedAction.AddNote n -> line(invoice, day, n.stage(), ForecastLine.Kind.NOTE,
                    Optional.empty(), n.text(), reasons);
            case PlannedAction.ChargeLateFee f -> line(invoice, day, f.stage(), ForecastLine.Kind.LATE_FEE,
                    Optional.of(f.fee().amount()), "fee rule '" + f.fee().ruleId() + "' period " + f.fee().period()
                            + ": " + f.fee().computation(), reasons);
            case PlannedAction.FlagForPerson p -> line(invoice, day, p.stage(), ForecastLine.Kind.FLAG,
                    Optional.empty(), p.reason(), reasons);
        };
    }

    /**
     * How the reminder goes out: the stage's own channel, else the organisation's (email once it has a
     * sender profile, else the ledger's invoice email); and the email's subject, unless it surely goes
     * through the ledger, whose stock email has a subject of its own.
     */
    private String reminderDetail(PlannedAction.SendReminder reminder, InvoiceSnapshot invoice, LocalDate day, Policy policy) {
        Optional<ReminderChannel> channel = policy.stage(reminder.stage()).flatMap(Stage::channel);
        String via = "template '" + reminder.template() + "'"
                + channel.map(c -> c == ReminderChannel.EMAIL ? ", by email" : ", by the ledger's invoice email")
                .orElse(", by the organisation's channel");
        if (channel.isPresent() && channel.get() == ReminderChannel.LEDGER) {
            return via;
        }
        return via + subjects.subject(reminder, invoice, day).map(s -> ", subject \"" + s + "\"").orElse("");
    }

    static ForecastLine line(InvoiceSnapshot invoice, LocalDate day, String stage, ForecastLine.Kind kind,
                                     Optional<dev.arrears.domain.money.Money> amount, String detail, List<String> reasons) {
        String number = invoice.number() == null ? invoice.invoiceId() : invoice.number();
        String customer = invoice.customerName() == null ? invoice.customerId() : invoice.customerName();
        return new ForecastLine(day, number, customer, stage, kind, amount, detail, reasons);
    }
}
