package dev.arrears.domain.dunning;

import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.invoice.PaymentApplied;
import dev.arrears.domain.money.Money;
import dev.arrears.domain.policy.LateFeeRule;
import dev.arrears.domain.policy.Policy;
import dev.arrears.domain.policy.StageCondition;
import dev.arrears.domain.testing.TestPolicies;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * A generated history of one invoice: its currency and total, the partial payments that will
 * arrive (never settling it), the fee rule of the default ladder's final notice, an optional minimum
 * amount for the final notice and hand-off (a percentage of the total, so that payments can take the amount due
 * below it), the gaps between the days the daemon runs, and optionally a day on
 * which the due date is moved.
 */
record DunningScenario(Currency currency, long totalMinorUnits, List<Payment> payments, LateFeeRule rule,
                       Optional<Integer> finalNoticeMinimumPercent, List<Integer> gapsBetweenRuns,
                       Optional<DueDateMove> move) {

    static final LocalDate DUE = LocalDate.of(2026, 1, 1);
    static final LocalDate FIRST_RUN = DUE.minusDays(10);

    /** A payment of {@code percentOfTotal}% on due date + {@code dayOffset}. */
    record Payment(int dayOffset, int percentOfTotal) {
    }

    /** From run number {@code fromRun} on, the due date is {@code DUE + shiftDays}. */
    record DueDateMove(int fromRun, int shiftDays) {
    }

    Policy policy() {
        List<StageCondition> conditions = finalNoticeMinimumPercent
                .<List<StageCondition>>map(percent -> List.of(new StageCondition.MinimumAmountDue(
                        total().amount().multiply(BigDecimal.valueOf(percent)).movePointLeft(2), Optional.of(currency))))
                .orElse(List.of());
        return TestPolicies.ladder(rule, conditions);
    }

    Money total() {
        return Money.of(BigDecimal.valueOf(totalMinorUnits, Money.minorUnits(currency)), currency);
    }

    /** The days the daemon runs, in order. */
    List<LocalDate> runDays() {
        List<LocalDate> days = new ArrayList<>();
        LocalDate day = FIRST_RUN;
        for (int gap : gapsBetweenRuns) {
            days.add(day);
            day = day.plusDays(gap);
        }
        return days;
    }

    LocalDate dueDateOnRun(int run) {
        return move.filter(m -> run >= m.fromRun()).map(m -> DUE.plusDays(m.shiftDays())).orElse(DUE);
    }

    /** The invoice as the ledger shows it on {@code day}: payments made so far, and the due date of that run. */
    InvoiceSnapshot invoiceOn(LocalDate day, int run) {
        Money total = total();
        List<PaymentApplied> applied = new ArrayList<>();
        Money due = total;
        for (Payment payment : payments) {
            LocalDate paidOn = DUE.plusDays(payment.dayOffset());
            if (!paidOn.isAfter(day)) {
                Money amount = total.times(BigDecimal.valueOf(payment.percentOfTotal()).movePointLeft(2), java.math.RoundingMode.DOWN);
                applied.add(new PaymentApplied(paidOn, amount));
                due = due.minus(amount);
            }
        }
        applied.sort(java.util.Comparator.comparing(PaymentApplied::date));
        return new InvoiceSnapshot("org-7", "inv-42", "INV-0042", "cust-1", "Acme Ltd", DUE.minusDays(30),
                Optional.of(dueDateOnRun(run)), total, due, InvoiceStatus.OPEN, applied, false);
    }
}
