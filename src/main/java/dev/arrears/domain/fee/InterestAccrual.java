package dev.arrears.domain.fee;

import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.money.Money;
import dev.arrears.domain.policy.FeeComputation.SimpleDailyInterest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Simple daily interest over a run of days, on the principal owed at the start of each day: a payment
 * on day P leaves the old principal bearing interest through P and the new one from P+1, the same
 * rule as statutory interest (RULES.md §3), so one invoice never has two payment-day rules. The
 * exact sum is divided and rounded once, so a long period split by payments rounds the same as
 * the accountant's own spreadsheet would.
 */
record InterestAccrual(List<Segment> segments, Money amount, String computation) {

    /** Consecutive days on which the same principal was owed. */
    record Segment(LocalDate from, LocalDate to, Money principal) {
        long days() {
            return ChronoUnit.DAYS.between(from, to) + 1;
        }

        String describe() {
            return principal + " for " + days() + (days() == 1 ? " day, " : " days, ") + from + " to " + to;
        }
    }

    /** Accrues over the days {@code from} to {@code to}, both included; {@code from} must not be after {@code to}. */
    static InterestAccrual over(InvoiceSnapshot invoice, SimpleDailyInterest interest, LocalDate from, LocalDate to,
                                RoundingMode rounding) {
        List<Segment> segments = segments(invoice, from, to);
        BigDecimal principalDays = segments.stream()
                .map(s -> s.principal().amount().multiply(BigDecimal.valueOf(s.days())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal exact = principalDays.multiply(interest.annualRatePercent());
        BigDecimal divisor = BigDecimal.valueOf(100L * interest.dayCountBasis());
        Money amount = Money.of(exact.divide(divisor, Money.minorUnits(invoice.currency()), rounding), invoice.currency());
        return new InterestAccrual(segments, amount, describe(interest, segments, amount, rounding));
    }

    private static List<Segment> segments(InvoiceSnapshot invoice, LocalDate from, LocalDate to) {
        List<Segment> segments = new ArrayList<>();
        LocalDate start = from;
        Money principal = bearingInterestOn(invoice, from);
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            Money owed = bearingInterestOn(invoice, day);
            if (owed.compareTo(principal) != 0) {
                segments.add(new Segment(start, day.minusDays(1), principal));
                start = day;
                principal = owed;
            }
        }
        segments.add(new Segment(start, to, principal));
        return List.copyOf(segments);
    }

    /** What bears interest on {@code day}: the principal owed at the end of the day before, so a payment counts from the next day. */
    private static Money bearingInterestOn(InvoiceSnapshot invoice, LocalDate day) {
        return invoice.principalOwedOn(day.minusDays(1));
    }

    private static String describe(SimpleDailyInterest interest, List<Segment> segments, Money amount,
                                   RoundingMode rounding) {
        String rate = Percent.format(interest.annualRatePercent()) + " a year";
        String basis = "/" + interest.dayCountBasis();
        String result = " = " + amount + " (rounded " + rounding + ")";
        if (segments.size() == 1) {
            return rate + " on " + segments.getFirst().describe() + ", " + basis + result;
        }
        return rate + ", " + basis + ", on "
                + segments.stream().map(Segment::describe).collect(Collectors.joining("; "))
                + result;
    }
}
