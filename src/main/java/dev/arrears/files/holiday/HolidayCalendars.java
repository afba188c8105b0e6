package dev.arrears.files.holiday;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import dev.arrears.domain.contact.HolidayCalendar;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Public holiday calendars by ISO 3166 country code and optional subdivision, backed by Jollyday
 * (de.focus-shift), which is maintained and ships its holiday data in its own jar.
 *
 * <p>Subdivisions matter: in the UK, Easter Monday is a bank holiday in England, Wales and Northern
 * Ireland but not in Scotland, which has 2 January and St Andrew's Day instead. A country given
 * without a subdivision gets only the holidays common to the whole country.
 */
public final class HolidayCalendars {

    private HolidayCalendars() {
    }

    /**
     * @param iso         ISO 3166-1 alpha-2 country code, any case: "GB", "us"
     * @param subdivision Jollyday's code for a part of the country, any case, with or without the
     *                    country in front: "eng", "GB-SCT", "ny", "BY"
     * @throws IllegalArgumentException for a country or subdivision without holiday data, naming what is known
     */
    public static HolidayCalendar forCountry(String iso, Optional<String> subdivision) {
        String country = countryCode(iso);
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT)));
        Optional<String> part = subdivision.map(s -> subdivisionCode(country, s, manager.getCalendarHierarchy()));
        String region = country + part.map(p -> "-" + p.toUpperCase(Locale.ROOT)).orElse("");
        return new JollydayHolidayCalendar(manager, part, region);
    }

    private static String countryCode(String iso) {
        String country = iso == null ? "" : iso.trim().toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("a holiday country must be an ISO 3166-1 two-letter code such as GB, US or NZ, not '" + iso + "'");
        }
        if (!HolidayManager.getSupportedCalendarCodes().contains(country)) {
            throw new IllegalArgumentException("there is no public holiday data for country '" + country
                    + "'; it must be an ISO 3166-1 two-letter code that the holiday library knows, such as GB, US, DE, FR, NZ or AU");
        }
        return country;
    }

    private static String subdivisionCode(String country, String given, CalendarHierarchy hierarchy) {
        String code = given.trim().toLowerCase(Locale.ROOT);
        String prefix = country.toLowerCase(Locale.ROOT) + "-";
        if (code.startsWith(prefix)) {
            code = code.substring(prefix.length());
        }
        Map<String, CalendarHierarchy> parts = hierarchy.getChildren();
        if (!parts.containsKey(code)) {
            String known = new TreeMap<>(parts).entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue().getDescription(Locale.ENGLISH) + ")")
                    .collect(Collectors.joining(", "));
            throw new IllegalArgumentException("there is no subdivision '" + given + "' of " + country
                    + " in the holiday data" + (known.isEmpty() ? "; this country has none" : "; known: " + known));
        }
        return code;
    }
}
