package dev.arrears.domain.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * "Today" as the organisation sees it. Due dates are plain dates in the organisation's zone, so the
 * day an invoice becomes overdue depends on that zone (and its daylight-saving rules on that date),
 * not on the server's zone or UTC.
 */
public final class OrganisationDay {

    private OrganisationDay() {
    }

    public static LocalDate today(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone);
    }
}
