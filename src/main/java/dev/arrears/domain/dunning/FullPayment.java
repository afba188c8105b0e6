package dev.arrears.domain.dunning;

import dev.arrears.domain.collections.CollectionsContext;
import dev.arrears.domain.collections.Dispute;
import dev.arrears.domain.collections.Hold;
import dev.arrears.domain.fee.FeeOutcome;
import dev.arrears.domain.fee.LateFeeCalculator;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.invoice.PaymentApplied;
import dev.arrears.domain.policy.ActionSpec;
import dev.arrears.domain.policy.LateFeeRule;
import dev.arrears.domain.policy.OnFullPayment;
import dev.arrears.domain.policy.Policy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an invoice that was being chased owes for the time it was late when it is paid in full: each fee
 * rule of the ladder is asked what it accrued and did not charge up to the payment day
 * ({@link LateFeeCalculator#accruedUntilPaid}), and the rule's {@link OnFullPayment} says what becomes of it:
 * a final fee invoice per rule, one task for a person listing every amount and how it was computed, or
 * nothing but a sentence in the decision (and so in the audit trail). Decided once per invoice (a notice),
 * with keys that can be planned only once ({@link ActionKey#forFullPayment}, {@link ActionKey#forFullPaymentTask}).
 *
 * <p>Only for an invoice Arrears was chasing (ACTIVE) that is paid, not voided or deleted, and only when the
 * ledger gives the payments' dates: the payment day is the day of the payment that cleared it. A final invoice
 * while the invoice is on hold or disputed becomes a task: the person decides.
 */
final class FullPayment {

    static final String NOTICE = "full-payment-settled";
    private static final String STAGE = "full payment";

    private final InvoiceSnapshot invoice;
    private final DunningState state;
    private final Policy policy;
    private final LocalDate today;
    private final CollectionsContext context;
    private final LateFeeCalculator calculator;

    private final List<String> reasons = new ArrayList<>();
    private final List<PlannedAction> actions = new ArrayList<>();
    private final List<String> forPerson = new ArrayList<>();
    private final List<ChargedFee> fees;

    FullPayment(InvoiceSnapshot invoice, DunningState state, Policy policy, LocalDate today, CollectionsContext context,
                LateFeeCalculator calculator) {
        this.invoice = invoice;
        this.state = state;
        this.policy = policy;
        this.today = today;
        this.context = context;
        this.calculator = calculator;
        this.fees = new ArrayList<>(state.fees());
    }

    /** The decision to leave dunning ({@code left}), with what the fee rules accrued up to the payment added. */
    Decision settle(Decision left) {
        boolean paid = invoice.status() == InvoiceStatus.PAID || invoice.status() == InvoiceStatus.OPEN;
        List<LateFeeRule> rules = accruingRules();
        if (state.status() != DunningStatus.ACTIVE || !paid || invoice.dueDate().isEmpty() || rules.isEmpty()
                || state.hasNotice(NOTICE)) {
            return left;
        }
        Optional<LocalDate> paidOn = clearedOn();
        if (paidOn.isEmpty()) {
            forPerson.add("the ledger gives no payment dates, so what the fee rules " + rules.stream().map(LateFeeRule::id).toList()
                    + " accrued up to the payment cannot be worked out");
        } else if (!paidOn.get().isAfter(invoice.dueDate().get())) {
            return left;
        } else {
            rules.forEach(rule -> settle(rule, paidOn.get()));
        }
        if (!forPerson.isEmpty()) {
            String task = "Invoice " + name() + " was paid in full" + paidOn.map(d -> " on " + d).orElse("") + " after its due date "
                    + invoice.dueDate().get() + "; what accrued and was not charged: " + String.join("; ", forPerson)
                    + ". Raise a fee invoice for it or waive it, then close this task.";
            actions.add(new PlannedAction.FlagForPerson(ActionKey.forFullPaymentTask(invoice.organisationId(), invoice.invoiceId()),
                    stage(), task));
            reasons.add("on full payment, for a person: " + String.join("; ", forPerson));
        }
        List<String> notices = new ArrayList<>(left.newState().notices());
        notices.add(NOTICE);
        DunningState was = left.newState();
        DunningState newState = new DunningState(was.status(), was.stage(), was.stageEnteredOn(), was.dueDateAtStage(),
                was.completedStages(), was.skippedStages(), fees, was.nextReviewOn(), notices);
        List<PlannedAction> all = new ArrayList<>(left.actions());
        all.addAll(actions);
        List<String> why = new ArrayList<>(left.reasons());
        why.addAll(reasons);
        return new Decision(newState, all, why, left.cancellations(), left.events());
    }

    private void settle(LateFeeRule rule, LocalDate paidOn) {
        if (state.hasNotice(LadderDecision.forPersonNotice(rule))) {
            reasons.add("fee '" + rule.id() + "': already with a person since it could not be charged");
            return;
        }
        FeeOutcome outcome = calculator.accruedUntilPaid(invoice, rule, fees, paidOn);
        OnFullPayment choice = rule.onFullPayment();
        switch (outcome) {
            case FeeOutcome.NothingDue nothing -> reasons.add(nothing.reason());
            case FeeOutcome.ForPerson person when choice == OnFullPayment.WAIVE -> reasons.add(waived(person.reason()));
            case FeeOutcome.ForPerson person -> forPerson.add(person.reason());
            case FeeOutcome.Charge charge -> {
                FeeApplication fee = charge.fee();
                String owed = "fee '" + rule.id() + "': " + fee.amount() + " (" + fee.computation() + ")";
                Optional<String> paused = pausedBy();
                if (choice == OnFullPayment.WAIVE) {
                    reasons.add(waived(charge.reason()));
                } else if (choice == OnFullPayment.TASK) {
                    forPerson.add(owed);
                } else if (paused.isPresent()) {
                    forPerson.add(owed + ", not invoiced because " + paused.get());
                } else {
                    actions.add(new PlannedAction.ChargeLateFee(ActionKey.forFullPayment(invoice.organisationId(),
                            invoice.invoiceId(), rule.key()), stage(), fee));
                    fees.add(ChargedFee.of(fee));
                    reasons.add("on full payment, final fee invoice: " + charge.reason());
                }
            }
        }
    }

    private static String waived(String what) {
        return "on full payment, waived under the policy (on_full_payment: waive): " + what;
    }

    /** The fee rules the ladder charges that accrue until the payment, each once, in ladder order. */
    private List<LateFeeRule> accruingRules() {
        Set<String> ids = new LinkedHashSet<>();
        policy.stages().forEach(stage -> stage.actions().stream()
                .filter(ActionSpec.ChargeLateFee.class::isInstance).map(a -> ((ActionSpec.ChargeLateFee) a).ruleId())
                .forEach(ids::add));
        return ids.stream().map(id -> policy.feeRule(id).orElseThrow()).filter(LateFeeRule::accruesUntilPaid).toList();
    }

    /** The day of the payment after which nothing was owed; empty when the ledger gave no dates. */
    private Optional<LocalDate> clearedOn() {
        return invoice.payments().stream().map(PaymentApplied::date).max(LocalDate::compareTo);
    }

    private Optional<String> pausedBy() {
        return heldOrDisputed(context, invoice, today);
    }

    /** The hold or dispute that keeps a paid invoice's customer from hearing from Arrears today, in words. */
    static Optional<String> heldOrDisputed(CollectionsContext context, InvoiceSnapshot invoice, LocalDate today) {
        return context.holdsOf(invoice).stream().filter(h -> h.activeOn(today)).map(Hold::describe).findFirst()
                .or(() -> context.disputesOf(invoice).stream().filter(d -> d.activeOn(today)).map(Dispute::describe).findFirst());
    }

    private String stage() {
        return state.stage().orElse(STAGE);
    }

    private String name() {
        return invoice.number() == null || invoice.number().isBlank() ? invoice.invoiceId() : invoice.number();
    }
}
