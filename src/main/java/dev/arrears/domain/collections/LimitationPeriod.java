package dev.arrears.domain.collections;

import java.time.LocalDate;

/**
 * How long an organisation can sue for a debt, counted from the due date, and how early to warn.
 * Six years is the period for contract debts in England and Wales (Limitation Act 1980 s.5); other
 * places differ (Scotland five years, many US states three to six), so it is set per organisation.
 */
public record LimitationPeriod(int years, int warnDaysBefore) {

    public static final LimitationPeriod DEFAULT = new LimitationPeriod(6, 180);

    public LimitationPeriod {
        if (years < 1 || years > 30) {
            throw new IllegalArgumentException("a limitation period is 1 to 30 years, was " + years);
        }
        if (warnDaysBefore < 0 || warnDaysBefore > 3650) {
            throw new IllegalArgumentException("the warning comes 0 to 3650 days before the limitation period ends, was " + warnDaysBefore);
        }
    }

    /** The first day on which the debt is time-barred. */
    public LocalDate endsOn(LocalDate dueDate) {
        return dueDate.plusYears(years);
    }

    public LocalDate warnOn(LocalDate dueDate) {
        return endsOn(dueDate).minusDays(warnDaysBefore);
    }
}
