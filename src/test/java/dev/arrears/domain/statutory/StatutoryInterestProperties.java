package dev.arrears.domain.statutory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.PaymentApplied;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Properties over all four regimes, random debts, due dates the test tables cover and an optional
 * part payment somewhere in the late period.
 */
class StatutoryInterestProperties {

    /** Interest may start from 2023-01-01 (the test tables' first half-year) ... */
    private static final LocalDate EARLIEST_DUE = LocalDate.of(2022, 12, 31);
    /** ... and the half-yearly tables end with 2026-H2. */
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 12, 31);

    @Property(tries = 300)
    void interestIsNeverNegativeAndNeverFallsAsDaysAreAdded(
            @ForAll @IntRange(min = 0, max = 3) int regimeIndex,
            @ForAll @LongRange(min = 1, max = 100_000_000) long principalCents,
            @ForAll @IntRange(min = 0, max = 1200) int dueOffset,
            @ForAll @IntRange(min = 1, max = 400) int days,
            @ForAll @IntRange(min = 0, max = 400) int moreDays,
            @ForAll @IntRange(min = 0, max = 400) int paymentDay,
            @ForAll @LongRange(min = 0, max = 100_000_000) long paymentCents) {
        var calculator = new StatutoryInterestCalculator(Regimes.all().get(regimeIndex));
        LocalDate due = EARLIEST_DUE.plusDays(dueOffset);
        LocalDate start = due.plusDays(1);
        LocalDate shorter = min(start.plusDays(days - 1), LAST_DAY);
        LocalDate longer = min(shorter.plusDays(moreDays), LAST_DAY);
        InvoiceSnapshot debt = debt(principalCents, due, paymentDay, paymentCents, regimeIndex == 0 ? "GBP" : "EUR");

        var first = calculator.interest(debt, new InterestPeriod(start, shorter));
        var second = calculator.interest(debt, new InterestPeriod(start, longer));

        assertThat(first.amount().isNegative()).isFalse();
        assertThat(second.amount()).isGreaterThanOrEqualTo(first.amount());
        assertThat(second.unrounded()).isGreaterThanOrEqualTo(first.unrounded());
    }

    @Property(tries = 300)
    void chargingInTwoPeriodsAccruesWhatOnePeriodDoesAndWhereInterestComesFirstChargesTheSameCents(
            @ForAll @IntRange(min = 0, max = 3) int regimeIndex,
            @ForAll @LongRange(min = 1, max = 100_000_000) long principalCents,
            @ForAll @IntRange(min = 0, max = 1200) int dueOffset,
            @ForAll @IntRange(min = 1, max = 300) int firstDays,
            @ForAll @IntRange(min = 1, max = 300) int secondDays,
            @ForAll @IntRange(min = 0, max = 400) int paymentDay,
            @ForAll @LongRange(min = 0, max = 100_000_000) long paymentCents) {
        var calculator = new StatutoryInterestCalculator(Regimes.all().get(regimeIndex));
        LocalDate due = EARLIEST_DUE.plusDays(dueOffset);
        LocalDate start = due.plusDays(1);
        LocalDate split = start.plusDays(firstDays - 1);
        LocalDate end = split.plusDays(secondDays);
        if (end.isAfter(LAST_DAY)) {
            return;
        }
        InvoiceSnapshot debt = debt(principalCents, due, paymentDay, paymentCents, regimeIndex == 0 ? "GBP" : "EUR");

        StatutoryInterest once = calculator.interest(debt, new InterestPeriod(start, end));
        StatutoryInterest first = calculator.interest(debt, new InterestPeriod(start, split));
        StatutoryInterest second = calculator.interest(debt, new InterestPeriod(split.plusDays(1), end));

        // Equal up to the 34-digit working precision: a repeated charge neither loses nor doubles a day.
        assertThat(once.unrounded().subtract(first.unrounded().add(second.unrounded())).abs()).isLessThan(new BigDecimal("1E-20"));
        if (calculator.regime().partialPayments() == PaymentAllocation.INTEREST_FIRST) {
            // DE, FR: interest settled by a part payment is fixed in cents on its day, so the cents do not depend on
            // when the interest is charged either.
            assertThat(first.amount().plus(second.amount())).isEqualTo(once.amount());
        }
    }

    private static InvoiceSnapshot debt(long principalCents, LocalDate due, int paymentDay, long paymentCents, String currency) {
        String total = BigDecimal.valueOf(principalCents, 2).toPlainString();
        long paid = Math.min(paymentCents, principalCents);
        List<PaymentApplied> payments = paid == 0 ? List.of()
                : List.of(Regimes.paid(due.plusDays(paymentDay).toString(), BigDecimal.valueOf(paid, 2).toPlainString(), currency));
        return Regimes.invoice(total, currency, due.toString(), payments);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
