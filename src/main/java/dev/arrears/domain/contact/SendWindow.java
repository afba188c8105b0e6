package dev.arrears.domain.contact;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When an organisation may contact its customers: some weekdays, from {@code start} (inclusive) to
 * {@code end} (exclusive), as the wall clock shows them in the organisation's zone.
 *
 * <p>An {@code end} of 00:00 means midnight at the end of the day, so a window can cover whole days.
 * Windows do not run over midnight: an evening-to-morning window is two days' business, not one.
 *
 * <p>On each allowed date the window is one interval of instants: it opens at the first moment the
 * wall clock shows {@code start} or later and closes at the first moment it shows {@code end} or
 * later. That is what "DST-correct" means here: a start that falls in a spring-forward gap opens at
 * the end of the gap (01:30 on a day that skips 01:00–02:00 opens at 02:00 summer time); a start
 * inside an autumn overlap opens on its first occurrence, and the window does not open a second time
 * when the hour repeats.
 */
public record SendWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {

    public SendWindow {
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a send window needs at least one weekday; with none, no contact could ever be made");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
        if (!endsAtMidnight(end) && !end.isAfter(start)) {
            throw new IllegalArgumentException("a send window must end after it starts: " + start + "–" + end
                    + " (the end is exclusive; use 00:00 as the end for midnight, and windows cannot run over midnight)");
        }
    }

    /** Every day, all day, in UTC: the window of "no rules". */
    public static SendWindow always() {
        return new SendWindow(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, ZoneId.of("UTC"));
    }

    /** Monday to Friday, {@code start} to {@code end} in {@code zone}. */
    public static SendWindow weekdays(LocalTime start, LocalTime end, ZoneId zone) {
        return new SendWindow(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), start, end, zone);
    }

    public boolean contains(Instant moment) {
        return earliestOn(localDate(moment), moment).filter(moment::equals).isPresent();
    }

    /**
     * The earliest moment at or after {@code notBefore} that lies in this window on {@code date}, if
     * the window is open on that date at or after it.
     */
    public Optional<Instant> earliestOn(LocalDate date, Instant notBefore) {
        if (!days.contains(date.getDayOfWeek())) {
            return Optional.empty();
        }
        Instant opens = firstMomentShowing(date, start);
        Instant closes = endsAtMidnight(end) ? firstMomentShowing(date.plusDays(1), LocalTime.MIDNIGHT) : firstMomentShowing(date, end);
        Instant candidate = opens.isAfter(notBefore) ? opens : notBefore;
        // The local-date check drops the odd case of a gap that swallows the start of the window together
        // with the rest of the day (Pacific/Apia skipped 2011-12-30 entirely).
        if (candidate.isBefore(closes) && localDate(candidate).equals(date)) {
            return Optional.of(candidate);
        }
        return Optional.empty();
    }

    public LocalDate localDate(Instant moment) {
        return moment.atZone(zone).toLocalDate();
    }

    /** For people: "Mon–Fri 09:00–17:00 Europe/London". */
    public String describe() {
        return TextFormat.days(days) + " " + start + "–" + (endsAtMidnight(end) ? "24:00" : end.toString()) + " " + zone.getId();
    }

    private Instant firstMomentShowing(LocalDate date, LocalTime time) {
        LocalDateTime wallClock = date.atTime(time);
        ZoneOffsetTransition transition = zone.getRules().getTransition(wallClock);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return ZonedDateTime.ofLocal(wallClock, zone, null).withEarlierOffsetAtOverlap().toInstant();
    }

    private static boolean endsAtMidnight(LocalTime end) {
        return end.equals(LocalTime.MIDNIGHT);
    }
}
