package dev.arrears.files.holiday;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import dev.arrears.domain.contact.HolidayCalendar;
import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One region's public and bank holidays from Jollyday. Observances (days some people mark but
 * offices stay open, like Christmas Eve in some US states) are not holidays here.
 *
 * <p>Both the day a holiday falls on and the day it is observed on count: when Christmas is a
 * Saturday, neither the Saturday nor the substitute Monday is a day to chase anyone.
 */
final class JollydayHolidayCalendar implements HolidayCalendar {

    private final HolidayManager manager;
    private final String[] subdivisionPath;
    private final String region;
    private final Map<Integer, Map<LocalDate, String>> namesByYear = new ConcurrentHashMap<>();

    JollydayHolidayCalendar(HolidayManager manager, Optional<String> subdivision, String region) {
        this.manager = manager;
        this.subdivisionPath = subdivision.stream().toArray(String[]::new);
        this.region = region;
    }

    @Override
    public Optional<String> holidayName(LocalDate date) {
        return Optional.ofNullable(namesByYear.computeIfAbsent(date.getYear(), this::load).get(date));
    }

    @Override
    public String region() {
        return region;
    }

    /**
     * The holidays whose dates fall in {@code year}. The neighbouring years are read too, because an
     * observed date can cross the new year: the US observes New Year's Day 2028 on Friday 2027-12-31.
     */
    private Map<LocalDate, String> load(int year) {
        Map<LocalDate, SortedSet<String>> names = new TreeMap<>();
        for (int y = year - 1; y <= year + 1; y++) {
            for (Holiday holiday : manager.getHolidays(Year.of(y), subdivisionPath)) {
                if (holiday.getType() == HolidayType.OBSERVANCE) {
                    continue;
                }
                String name = holiday.getDescription(Locale.ENGLISH);
                add(names, year, holiday.getActualDate(), name);
                add(names, year, holiday.getDate(), holiday.getObservedDate().isPresent() ? name + ", substitute day" : name);
            }
        }
        Map<LocalDate, String> joined = new TreeMap<>();
        names.forEach((date, all) -> joined.put(date, String.join(" / ", all)));
        return Map.copyOf(joined);
    }

    private static void add(Map<LocalDate, SortedSet<String>> names, int year, LocalDate date, String name) {
        if (date.getYear() == year) {
            names.computeIfAbsent(date, d -> new TreeSet<>()).add(name);
        }
    }
}
