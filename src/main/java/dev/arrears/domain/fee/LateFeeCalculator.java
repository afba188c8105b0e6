package dev.arrears.domain.fee;

import dev.arrears.domain.dunning.ChargedFee;
import dev.arrears.domain.dunning.FeeApplication;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.money.Money;
import dev.arrears.domain.policy.FeeComputation.FixedAmount;
import dev.arrears.domain.policy.FeeComputation.PercentOfPrincipal;
import dev.arrears.domain.policy.FeeComputation.SimpleDailyInterest;
import dev.arrears.domain.policy.FeeComputation.StatutoryCompensation;
import dev.arrears.domain.policy.FeeComputation.StatutoryInterest;
import dev.arrears.domain.policy.LateFeeRule;
import dev.arrears.domain.statutory.InterestPeriod;
import dev.arrears.domain.statutory.RateNotKnownException;
import dev.arrears.domain.statutory.StatutoryInterestCalculator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The late-fee maths: which period of a rule is due on a day, and how much it is. Pure: no clock,
 * no state; the same arguments always give the same outcome.
 *
 * <h2>When</h2>
 * <ul>
 *   <li>The first charge date is the later of the day the fee's stage was reached and the day after
 *       the grace days: {@code max(stageDate, dueDate + graceDays + 1)}. Nothing is charged before it.</li>
 *   <li>Without {@code repeatEveryDays} the rule charges once (period 1). With a repeat of N days,
 *       period k falls on {@code first + (k-1)·N}. The current period is the latest one whose date
 *       is on or before today.</li>
 *   <li>Catch-up: at most one charge per rule per decision, for the current period. Earlier periods
 *       that were never charged (the daemon was down, the invoice was imported late) are not charged
 *       afterwards; the reason names them. Interest is the exception in effect, not in count: it
 *       always accrues from the day after the latest charge date of the rule (or the day after the due
 *       date for the first charge), so no day of interest is lost, and none is charged twice.</li>
 *   <li>A period already in the charged list is never charged again. Periods are numbered from the
 *       first charge date under the current due date; if the due date moves, a period number already
 *       charged stays charged even though its date changed.</li>
 * </ul>
 *
 * <h2>How much</h2>
 * <ul>
 *   <li>Fixed: the rule's amount for the invoice's currency, rounded with the rule's rounding if it
 *       has more decimals than the currency. No amount for that currency: nothing is charged.</li>
 *   <li>Percentage: percent × the principal owed at the end of the charge date
 *       ({@link InvoiceSnapshot#principalOwedOn}); earlier fees are separate invoices and never part of it.</li>
 *   <li>Simple daily interest: the sum over each day d from the accrual start to the charge date
 *       (both included) of {@code principalOwedOn(d - 1) × rate / 100 / dayCountBasis} (a payment lowers the
 *       principal from the day after it, as for statutory interest), rounded once at the
 *       end to the currency's minor units with the rule's rounding.</li>
 *   <li>Statutory interest: the regime's {@link StatutoryInterestCalculator} over the same days as
 *       simple daily interest (from the day after the latest charge of the rule, or after the due
 *       date, through the charge date); rounded once, half-up, as the law's worked examples are, so
 *       the rule's rounding does not apply. A reference rate the table does not know yet means
 *       nothing is charged today (never a guessed rate); the reason quotes the table.</li>
 *   <li>Statutory compensation: the regime's fixed sum for the debt owed when interest started,
 *       charged once per invoice, and only on invoices in the regime's currency; on another currency
 *       it is owed but never converted, so it goes to a person ({@link FeeOutcome.ForPerson}).</li>
 *   <li>An amount that is, or rounds to, zero is not charged.</li>
 * </ul>
 *
 * <h2>Caps</h2>
 * Per invoice and per rule, counting the charged fees of that rule: {@code maxCount} charges,
 * {@code maxTotal} in the invoice's currency, and {@code maxPercentOfPrincipal} of the invoice total.
 * Amount limits are rounded down to minor units. A fee larger than the tightest remaining room is
 * reduced to it ({@code capped}, and the computation says so); with no room left nothing is charged.
 */
public final class LateFeeCalculator {

    public FeeOutcome calculate(InvoiceSnapshot invoice, LateFeeRule rule, LocalDate stageDate,
                                List<ChargedFee> charged, LocalDate today) {
        String fee = "fee '" + rule.id() + "'";
        if (invoice.dueDate().isEmpty()) {
            return new FeeOutcome.NothingDue(fee + ": the invoice has no due date");
        }
        LocalDate dueDate = invoice.dueDate().get();
        FeeSchedule schedule = FeeSchedule.of(dueDate, rule, stageDate);
        Optional<Integer> current = schedule.currentPeriod(today);
        if (current.isEmpty()) {
            return new FeeOutcome.NothingDue(fee + ": first charge on " + schedule.firstChargeDate()
                    + " (stage from " + stageDate + ", due date " + dueDate + ", " + rule.graceDays() + " grace days)");
        }
        int period = current.get();
        LocalDate chargeDate = schedule.chargeDate(period);
        List<ChargedFee> chargedOfRule = ofRule(rule, charged);
        Set<Integer> chargedPeriods = chargedOfRule.stream().map(ChargedFee::period).collect(Collectors.toSet());
        if (chargedPeriods.contains(period)) {
            return new FeeOutcome.NothingDue(fee + ": period " + period + " (" + chargeDate + ") already charged"
                    + schedule.nextAfter(today).map(next -> "; next period on " + next).orElse(""));
        }
        Optional<String> countReached = FeeCapLimits.countReached(rule.caps(), chargedOfRule);
        if (countReached.isPresent()) {
            return new FeeOutcome.NothingDue(fee + ": cap reached: " + countReached.get());
        }

        LocalDate accruedFrom = chargeDate;
        Amount worked;
        switch (rule.computation()) {
            case FixedAmount fixed -> {
                BigDecimal configured = fixed.amounts().get(invoice.currency());
                if (configured == null) {
                    return new FeeOutcome.NothingDue(fee + ": no fixed amount for " + invoice.currency().getCurrencyCode()
                            + " (amounts are given for " + currencies(fixed) + "); nothing is converted");
                }
                Money amount = Money.rounded(configured, invoice.currency(), rule.rounding());
                worked = new Amount(amount, "fixed fee " + amount
                        + (configured.compareTo(amount.amount()) == 0 ? "" : " (" + configured.toPlainString()
                        + " rounded " + rule.rounding() + ")"));
            }
            case PercentOfPrincipal percent -> {
                Money principal = invoice.principalOwedOn(chargeDate);
                Money amount = principal.times(percent.percent().movePointLeft(2), rule.rounding());
                worked = new Amount(amount, Percent.format(percent.percent()) + " of " + principal + " outstanding on "
                        + chargeDate + " = " + amount + " (rounded " + rule.rounding() + ")");
            }
            case SimpleDailyInterest interest -> {
                Optional<LocalDate> chargedUpTo = lastChargeDate(chargedOfRule);
                accruedFrom = chargedUpTo.orElse(dueDate).plusDays(1);
                if (accruedFrom.isAfter(chargeDate)) {
                    return new FeeOutcome.NothingDue(fee + ": period " + period + " (" + chargeDate
                            + ") has no day of interest left: interest is already charged up to " + chargedUpTo.orElseThrow());
                }
                worked = interest(invoice, rule, accruedFrom, chargeDate);
            }
            case StatutoryInterest statutory -> {
                Optional<LocalDate> chargedUpTo = lastChargeDate(chargedOfRule);
                accruedFrom = chargedUpTo.orElse(dueDate).plusDays(1);
                if (accruedFrom.isAfter(chargeDate)) {
                    return new FeeOutcome.NothingDue(fee + ": period " + period + " (" + chargeDate
                            + ") has no day of interest left: interest is already charged up to " + chargedUpTo.orElseThrow());
                }
                try {
                    worked = interest(invoice, rule, accruedFrom, chargeDate);
                } catch (RateNotKnownException e) {
                    return new FeeOutcome.NothingDue(fee + ": period " + period + " (" + chargeDate + ") not charged: "
                            + e.getMessage());
                }
            }
            case StatutoryCompensation statutory -> {
                Optional<FeeOutcome> notNow = compensationNotChargeable(fee, invoice, statutory, chargedOfRule);
                if (notNow.isPresent()) {
                    return notNow.get();
                }
                worked = compensation(invoice, statutory);
            }
        }
        if (!worked.amount().isPositive()) {
            return new FeeOutcome.NothingDue(fee + ": period " + period + " comes to nothing: " + worked.computation());
        }
        Optional<Amount> fitted = withinCaps(rule, invoice, chargedOfRule, worked);
        if (fitted.isEmpty()) {
            return new FeeOutcome.NothingDue(fee + ": cap reached: " + FeeCapLimits.tightest(rule.caps(), invoice, chargedOfRule)
                    .orElseThrow().cap());
        }
        Money amount = fitted.get().amount();
        String computation = fitted.get().computation();
        boolean capped = fitted.get() != worked;

        FeeApplication application = new FeeApplication(rule.id(), period, accruedFrom, chargeDate, amount, computation, capped);
        String reason = fee + ": period " + period + " due on " + chargeDate + ", charging " + amount + ": " + computation
                + skippedPeriods(rule, schedule, period, chargedPeriods);
        return new FeeOutcome.Charge(application, reason);
    }

    /**
     * What {@code rule} accrued and did not charge when the invoice was paid in full on {@code paidOn}: interest
     * from the day after the rule's latest charge (or after the due date) through the payment day, which still bears
     * the old principal (a payment lowers it from the next day, as for every interest charge), or the statutory
     * compensation not charged yet, owed once interest begins to run (UK s.5A(1)) whether or not its stage was reached.
     * Nothing accrues within the grace days, nor for fixed and percentage fees. Caps apply as to any charge. The
     * charge is numbered after the rule's latest period, and its charge date is the payment day, so that interest
     * would start after it if the invoice were ever owed again.
     */
    public FeeOutcome accruedUntilPaid(InvoiceSnapshot invoice, LateFeeRule rule, List<ChargedFee> charged, LocalDate paidOn) {
        String fee = "fee '" + rule.id() + "'";
        if (invoice.dueDate().isEmpty() || !rule.accruesUntilPaid()) {
            return new FeeOutcome.NothingDue(fee + ": accrues nothing up to the payment");
        }
        LocalDate dueDate = invoice.dueDate().get();
        LocalDate lastFree = dueDate.plusDays(rule.graceDays());
        if (!paidOn.isAfter(lastFree)) {
            return new FeeOutcome.NothingDue(fee + ": paid in full on " + paidOn + ", not after " + lastFree
                    + " (due date " + dueDate + ", " + rule.graceDays() + " grace days): nothing accrued");
        }
        List<ChargedFee> chargedOfRule = ofRule(rule, charged);
        Optional<String> countReached = FeeCapLimits.countReached(rule.caps(), chargedOfRule);
        if (countReached.isPresent()) {
            return new FeeOutcome.NothingDue(fee + ": cap reached: " + countReached.get());
        }
        LocalDate accruedFrom = paidOn;
        Amount worked;
        if (rule.computation() instanceof StatutoryCompensation statutory) {
            Optional<FeeOutcome> notNow = compensationNotChargeable(fee, invoice, statutory, chargedOfRule);
            if (notNow.isPresent()) {
                return notNow.get();
            }
            worked = compensation(invoice, statutory);
        } else {
            Optional<LocalDate> chargedUpTo = lastChargeDate(chargedOfRule);
            accruedFrom = chargedUpTo.orElse(dueDate).plusDays(1);
            if (accruedFrom.isAfter(paidOn)) {
                return new FeeOutcome.NothingDue(fee + ": paid in full on " + paidOn
                        + "; interest is already charged up to " + chargedUpTo.orElseThrow());
            }
            try {
                worked = interest(invoice, rule, accruedFrom, paidOn);
            } catch (RateNotKnownException e) {
                return new FeeOutcome.ForPerson(fee + ": interest up to the payment on " + paidOn
                        + " cannot be worked out: " + e.getMessage());
            }
        }
        if (!worked.amount().isPositive()) {
            return new FeeOutcome.NothingDue(fee + ": nothing accrued up to the payment on " + paidOn + ": " + worked.computation());
        }
        Optional<Amount> fitted = withinCaps(rule, invoice, chargedOfRule, worked);
        if (fitted.isEmpty()) {
            return new FeeOutcome.NothingDue(fee + ": cap reached: " + FeeCapLimits.tightest(rule.caps(), invoice, chargedOfRule)
                    .orElseThrow().cap());
        }
        int period = chargedOfRule.stream().mapToInt(ChargedFee::period).max().orElse(0) + 1;
        FeeApplication application = new FeeApplication(rule.id(), period, accruedFrom, paidOn, fitted.get().amount(),
                fitted.get().computation(), fitted.get() != worked);
        return new FeeOutcome.Charge(application, fee + ": paid in full on " + paidOn + "; accrued and not charged: "
                + application.amount() + ": " + application.computation());
    }

    /** An amount and how it was reached, in words. */
    private record Amount(Money amount, String computation) {
    }

    /** Interest of an interest rule (agreed or statutory) over {@code from} to {@code to}, both included. */
    private static Amount interest(InvoiceSnapshot invoice, LateFeeRule rule, LocalDate from, LocalDate to) {
        if (rule.computation() instanceof StatutoryInterest statutory) {
            var interest = new StatutoryInterestCalculator(statutory.regime()).interest(invoice, new InterestPeriod(from, to));
            return new Amount(interest.amount(), interest.computation());
        }
        InterestAccrual accrual = InterestAccrual.over(invoice, (SimpleDailyInterest) rule.computation(), from, to, rule.rounding());
        return new Amount(accrual.amount(), accrual.computation());
    }

    /**
     * Why the compensation cannot be charged now: already charged (nothing), or the invoice is in another currency
     * than the statute's fixed sums (a person's task: the sum is owed, but never converted at a guessed rate).
     */
    private static Optional<FeeOutcome> compensationNotChargeable(String fee, InvoiceSnapshot invoice, StatutoryCompensation statutory,
                                                                  List<ChargedFee> chargedOfRule) {
        var regime = statutory.regime();
        if (!chargedOfRule.isEmpty()) {
            return Optional.of(new FeeOutcome.NothingDue(fee + ": " + regime.title() + " fixed compensation is charged once per invoice;"
                    + " already charged on " + chargedOfRule.getFirst().chargeDate()));
        }
        if (!invoice.currency().equals(regime.compensation().currency())) {
            return Optional.of(new FeeOutcome.ForPerson(fee + ": " + regime.title() + " sets its fixed compensation in "
                    + regime.compensation().currency().getCurrencyCode() + "; the invoice is in "
                    + invoice.currency().getCurrencyCode() + " and nothing is converted: a person decides what to claim"
                    + " (" + regime.compensation().currency().getCurrencyCode() + " sums by band: "
                    + regime.compensation().bands().stream().map(b -> b.amount().toPlainString()).collect(Collectors.joining(", "))
                    + ")"));
        }
        return Optional.empty();
    }

    private static Amount compensation(InvoiceSnapshot invoice, StatutoryCompensation statutory) {
        var compensation = new StatutoryInterestCalculator(statutory.regime()).fixedCompensation(invoice);
        return new Amount(compensation.amount(), statutory.regime().title() + ": " + compensation.explanation());
    }

    /**
     * The amount reduced to the tightest cap's remaining room (a new {@link Amount} that says so), the amount itself
     * when it fits, or empty when no room is left.
     */
    private static Optional<Amount> withinCaps(LateFeeRule rule, InvoiceSnapshot invoice, List<ChargedFee> chargedOfRule, Amount worked) {
        Optional<FeeCapLimits.Room> room = FeeCapLimits.tightest(rule.caps(), invoice, chargedOfRule);
        if (room.isEmpty() || worked.amount().compareTo(room.get().remaining()) <= 0 && room.get().remaining().isPositive()) {
            return Optional.of(worked);
        }
        if (!room.get().remaining().isPositive()) {
            return Optional.empty();
        }
        Money reduced = room.get().remaining();
        return Optional.of(new Amount(reduced, worked.computation() + "; reduced to " + reduced + " by the cap: " + room.get().cap()));
    }

    /**
     * The next day on which this rule could charge again, or empty when it never can (one-off rule
     * already past, or a cap used up). Used for the invoice's next review date.
     */
    public Optional<LocalDate> nextChargeDate(InvoiceSnapshot invoice, LateFeeRule rule, LocalDate stageDate,
                                              List<ChargedFee> charged, LocalDate today) {
        if (invoice.dueDate().isEmpty()) {
            return Optional.empty();
        }
        List<ChargedFee> chargedOfRule = ofRule(rule, charged);
        if (FeeCapLimits.countReached(rule.caps(), chargedOfRule).isPresent()
                || FeeCapLimits.tightest(rule.caps(), invoice, chargedOfRule).filter(r -> !r.remaining().isPositive()).isPresent()) {
            return Optional.empty();
        }
        return FeeSchedule.of(invoice.dueDate().get(), rule, stageDate).nextAfter(today);
    }

    private static List<ChargedFee> ofRule(LateFeeRule rule, List<ChargedFee> charged) {
        return charged.stream().filter(f -> f.ruleId().equals(rule.id())).toList();
    }

    /**
     * Interest is charged up to the latest charge date of the rule, whichever period that was: after
     * a due date moved earlier, a new period can fall before one already charged, and its days must
     * not be charged twice.
     */
    private static Optional<LocalDate> lastChargeDate(List<ChargedFee> chargedOfRule) {
        return chargedOfRule.stream().map(ChargedFee::chargeDate).max(LocalDate::compareTo);
    }

    private static String skippedPeriods(LateFeeRule rule, FeeSchedule schedule, int period, Set<Integer> chargedPeriods) {
        List<Integer> skipped = IntStream.range(1, period).filter(p -> !chargedPeriods.contains(p)).boxed().toList();
        if (skipped.isEmpty()) {
            return "";
        }
        String list = skipped.size() <= 5
                ? skipped.stream().map(p -> p + " (" + schedule.chargeDate(p) + ")").collect(Collectors.joining(", "))
                : skipped.size() + " between " + skipped.getFirst() + " (" + schedule.chargeDate(skipped.getFirst())
                + ") and " + skipped.getLast() + " (" + schedule.chargeDate(skipped.getLast()) + ")";
        return "; skipped " + (skipped.size() == 1 ? "period " : "periods ") + list
                + ": catch-up charges only the current period"
                + (rule.computation() instanceof SimpleDailyInterest || rule.computation() instanceof StatutoryInterest
                ? " (their days of interest are included in this charge)" : "");
    }

    private static String currencies(FixedAmount fixed) {
        return fixed.amounts().keySet().stream().map(c -> c.getCurrencyCode()).sorted().collect(Collectors.joining(", "));
    }
}
