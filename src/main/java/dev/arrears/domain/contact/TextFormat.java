package dev.arrears.domain.contact;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Wording for deferral reasons; fixed English so that explanations do not depend on the server's locale. */
final class TextFormat {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

    private TextFormat() {
    }

    /** "Mon–Fri", "Mon, Wed, Fri", "Mon–Wed, Sat". */
    static String days(Set<DayOfWeek> days) {
        List<String> runs = new ArrayList<>();
        DayOfWeek[] week = DayOfWeek.values();
        int i = 0;
        while (i < week.length) {
            if (!days.contains(week[i])) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < week.length && days.contains(week[j + 1])) {
                j++;
            }
            runs.add(j - i >= 2 ? shortName(week[i]) + "–" + shortName(week[j])
                    : j == i ? shortName(week[i]) : shortName(week[i]) + ", " + shortName(week[j]));
            i = j + 1;
        }
        return String.join(", ", runs);
    }

    /** "Saturday 2026-03-28 10:00". */
    static String dayAndTime(ZonedDateTime at) {
        return at.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + MOMENT.format(at);
    }

    /** "2026-03-10 14:00 Europe/London". */
    static String moment(Instant instant, ZoneId zone) {
        return MOMENT.format(instant.atZone(zone)) + " " + zone.getId();
    }

    /** "3 days", "1 day 12 hours", "90 minutes". */
    static String duration(Duration duration) {
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        List<String> parts = new ArrayList<>();
        if (days > 0) {
            parts.add(plural(days, "day"));
        }
        if (hours > 0) {
            parts.add(plural(hours, "hour"));
        }
        if (minutes > 0 || parts.isEmpty()) {
            parts.add(plural(minutes, "minute"));
        }
        return String.join(" ", parts);
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static String shortName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
