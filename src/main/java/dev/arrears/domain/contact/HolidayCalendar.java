package dev.arrears.domain.contact;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The public holidays of one region, as dates in that region. Implemented in platform by a maintained
 * holiday library: holiday rules change (coronations, jubilees, new observances) and a hand-made list
 * goes stale without anyone noticing.
 */
public interface HolidayCalendar {

    /** The holiday's name on {@code date}, or empty on an ordinary day. */
    Optional<String> holidayName(LocalDate date);

    /** Which region's holidays these are, for explanations: "GB", "GB-SCT", "US". */
    String region();

    default boolean isHoliday(LocalDate date) {
        return holidayName(date).isPresent();
    }

    /** No holidays at all, for organisations that chose to send on them. */
    static HolidayCalendar none() {
        return NoHolidays.INSTANCE;
    }

    enum NoHolidays implements HolidayCalendar {
        INSTANCE;

        @Override
        public Optional<String> holidayName(LocalDate date) {
            return Optional.empty();
        }

        @Override
        public String region() {
            return "none";
        }
    }
}
