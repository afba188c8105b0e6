package dev.arrears.domain.contact;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When Arrears may contact one customer of an organisation.
 *
 * @param window              weekdays and hours in the organisation's zone
 * @param minimumGap          the least time between any two contacts with the same customer, manual ones
 *                            included; zero for none. Whole days count on the calendar of the window's zone
 *                            (Friday 16:30 + 3 days = Monday 16:30 across a change of the clocks)
 * @param maxContactsPer7Days the most contacts with one customer in any rolling 7 days (7 × 24 hours);
 *                            {@link #NO_CAP} for no cap (the minimum gap and the window still apply)
 */
public record ContactRules(SendWindow window, Duration minimumGap, int maxContactsPer7Days) {

    /** "No cap": no number of contacts in 7 days is ever reached. */
    public static final int NO_CAP = Integer.MAX_VALUE;

    /** The length of the rolling period the cap counts in. */
    public static final Duration CAP_PERIOD = Duration.ofDays(7);

    public ContactRules {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(minimumGap, "minimumGap");
        if (minimumGap.isNegative()) {
            throw new IllegalArgumentException("the minimum gap between two contacts cannot be negative: " + minimumGap);
        }
        if (maxContactsPer7Days < 1) {
            throw new IllegalArgumentException("the cap on contacts per customer per 7 days must be at least 1 (it was "
                    + maxContactsPer7Days + "); to stop contacting a customer, put them on hold instead");
        }
    }

    /** No restriction: any day, any hour, no gap, no cap. */
    public static ContactRules none() {
        return new ContactRules(SendWindow.always(), Duration.ZERO, NO_CAP);
    }

    /** "at most 2 contacts per 7 days", or "no cap on contacts per 7 days". */
    public String describeCap() {
        return maxContactsPer7Days == NO_CAP ? "no cap on contacts per 7 days" : "at most " + maxContactsPer7Days + " contacts per 7 days";
    }

    /**
     * What an organisation gets until its accountant says otherwise: Monday to Friday 09:00–17:00 in
     * its zone, at least 3 days between two contacts with one customer, and at most 2 contacts with one
     * customer in any 7 days.
     *
     * <p>Why: Regulation F (US consumer debt: no contact before 08:00 or after 21:00 local time, at
     * most 7 calls in 7 days) is the outer bound, but these are businesses chasing businesses, so the
     * window is office hours, when someone in accounts payable reads the message and can act on it;
     * public holidays are skipped on top of that. The 3-day gap is the "nobody gets a burst" rule and
     * stops the automatic reminder the morning after a person's call (COLLECTIONS.md, lesson 5). The
     * cap is 2 rather than 3 on purpose: with a 3-day gap at most 3 contacts fit in 7 days anyway, so
     * a cap of 3 would never bind; 2 means a customer with several overdue invoices hears from the
     * organisation at most twice a week, which pushes towards one consolidated message (lesson 13).
     * A normal ladder (a few days before due, the day after, a week later, a fortnight later) fits
     * inside these limits for a single invoice.
     */
    public static ContactRules defaults(ZoneId zone) {
        return new ContactRules(SendWindow.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0), zone), Duration.ofDays(3), 2);
    }
}
