package dev.arrears.domain.statutory;

import dev.arrears.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Part of an interest period over which principal, rate and year length stay the same.
 *
 * @param referenceDate  the day whose reference rate applies
 * @param referenceLabel where that rate comes from ("BoE Bank Rate on 2025-12-31, fixed for this debt")
 * @param yearDays       the divisor of the day count (365, or 366 under act/act in a leap year)
 * @param interest       principal x rate x days / yearDays, unrounded: only the total is rounded
 */
public record InterestSegment(LocalDate from, LocalDate through, Money principal, LocalDate referenceDate,
                              BigDecimal referenceRatePercent, String referenceLabel, BigDecimal marginPoints,
                              long days, int yearDays, BigDecimal interest) {

    public InterestSegment {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(through, "through");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(referenceDate, "referenceDate");
        Objects.requireNonNull(referenceRatePercent, "referenceRatePercent");
        Objects.requireNonNull(referenceLabel, "referenceLabel");
        Objects.requireNonNull(marginPoints, "marginPoints");
        Objects.requireNonNull(interest, "interest");
    }

    public BigDecimal ratePercent() {
        return marginPoints.add(referenceRatePercent);
    }

    /** Whether {@code next} continues this segment on the same terms, so the two read as one line. */
    boolean sameTermsAs(InterestSegment next) {
        return next.from.equals(through.plusDays(1)) && principal.equals(next.principal)
                && referenceDate.equals(next.referenceDate) && referenceRatePercent.compareTo(next.referenceRatePercent) == 0
                && yearDays == next.yearDays;
    }

    InterestSegment joinedWith(InterestSegment next) {
        return new InterestSegment(from, next.through, principal, referenceDate, referenceRatePercent, referenceLabel,
                marginPoints, days + next.days, yearDays, interest.add(next.interest));
    }

    /** "8.00% + 3.75% (BoE Bank Rate on ...) = 11.75% a year on 1000.00 GBP for 30 days, 2026-02-01 to 2026-03-02, /365". */
    public String describe() {
        String reference = referenceRatePercent.signum() < 0
                ? " - " + percent(referenceRatePercent.negate())
                : " + " + percent(referenceRatePercent);
        return percent(marginPoints) + reference + " (" + referenceLabel + ") = " + percent(ratePercent())
                + " a year on " + principal + " for " + days + (days == 1 ? " day, " : " days, ")
                + from + " to " + through + ", /" + yearDays;
    }

    static String percent(BigDecimal value) {
        int scale = Math.max(2, value.stripTrailingZeros().scale());
        return value.setScale(scale, RoundingMode.UNNECESSARY).toPlainString() + "%";
    }
}
