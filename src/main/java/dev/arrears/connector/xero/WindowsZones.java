package dev.arrears.connector.xero;

import com.ibm.icu.util.TimeZone;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Xero's organisation time zones are Windows zone names written in capitals without spaces or
 * punctuation ({@code NEWZEALANDSTANDARDTIME}, {@code CENTRALSTANDARDTIME(MEXICO)}, {@code UTC+12}).
 * The mapping to IANA ids is CLDR's {@code windowsZones}, as maintained in ICU, never a table of
 * our own: Windows zones and their IANA counterparts change with governments' decisions.
 */
final class WindowsZones {

    /** Xero's squashed spelling → the Windows id ICU knows ("New Zealand Standard Time"). */
    private static final Map<String, String> WINDOWS_IDS = index();

    /**
     * Windows zones Microsoft retired and CLDR dropped, which Xero still lists: each is sent to the
     * Windows zone Microsoft replaced it with, and that one is mapped by CLDR like any other.
     */
    private static final Map<String, String> RETIRED = Map.of(
            "MIDATLANTICSTANDARDTIME", "UTC-02",
            "KAMCHATKASTANDARDTIME", "Russia Time Zone 11");

    private WindowsZones() {
    }

    /**
     * @param country ISO 3166-1 alpha-2 of the organisation: picks the zone of that territory when
     *                one Windows zone covers several (Romance Standard Time is Paris, Brussels, ...)
     */
    static Optional<ZoneId> toZoneId(String xeroTimezone, String country) {
        String squashed = squash(xeroTimezone);
        String windowsId = RETIRED.getOrDefault(squashed, WINDOWS_IDS.get(squashed));
        if (windowsId == null) {
            return Optional.empty();
        }
        String region = country == null ? null : country.toUpperCase(Locale.ROOT);
        String iana = region == null ? null : TimeZone.getIDForWindowsID(windowsId, region);
        if (iana == null) {
            iana = TimeZone.getIDForWindowsID(windowsId, null);
        }
        if (iana == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(iana));
        } catch (DateTimeException e) {
            // ICU may know a newer zone than this JDK's tz database: use the zone's main territory.
            return Optional.ofNullable(TimeZone.getIDForWindowsID(windowsId, null)).map(ZoneId::of);
        }
    }

    private static Map<String, String> index() {
        Map<String, String> index = new HashMap<>();
        for (String id : TimeZone.getAvailableIDs()) {
            String windows = TimeZone.getWindowsID(id);
            if (windows != null) {
                index.putIfAbsent(squash(windows), windows);
            }
        }
        return Map.copyOf(index);
    }

    /** "UTC-02" → "UTC02", "Central Standard Time (Mexico)" → "CENTRALSTANDARDTIMEMEXICO", as Xero writes them. */
    static String squash(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9+]", "");
    }
}
