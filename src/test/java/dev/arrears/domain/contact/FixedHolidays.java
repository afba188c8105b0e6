package dev.arrears.domain.contact;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** A holiday calendar given as data, so that domain tests do not depend on the holiday library. */
record FixedHolidays(String region, Map<LocalDate, String> dates) implements HolidayCalendar {

    FixedHolidays {
        dates = Map.copyOf(dates);
    }

    @Override
    public Optional<String> holidayName(LocalDate date) {
        return Optional.ofNullable(dates.get(date));
    }
}
