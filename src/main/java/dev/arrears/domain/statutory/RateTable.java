package dev.arrears.domain.statutory;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An effective-dated table of reference rates: each entry holds from its date until the next one.
 *
 * <p>{@code knownThrough} is the last day for which the table is known to be complete. A central
 * bank may have changed its rate since the table was last checked, so a rate for a later day is
 * refused rather than assumed unchanged.
 *
 * @param name   how a computation text names the rate ("BoE Bank Rate")
 * @param source where the table was read from (a file name), for error messages
 */
public record RateTable(String name, String source, List<RateEntry> entries, LocalDate knownThrough) {

    public RateTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(knownThrough, "knownThrough");
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(name + " (" + source + ") has no rows");
        }
        for (int i = 1; i < entries.size(); i++) {
            if (!entries.get(i).effectiveFrom().isAfter(entries.get(i - 1).effectiveFrom())) {
                throw new IllegalArgumentException(name + " (" + source + "): rows must be in strictly increasing date order, "
                        + entries.get(i).effectiveFrom() + " follows " + entries.get(i - 1).effectiveFrom());
            }
        }
        if (knownThrough.isBefore(entries.getLast().effectiveFrom())) {
            throw new IllegalArgumentException(name + " (" + source + "): known through " + knownThrough
                    + " is before its last row, " + entries.getLast().effectiveFrom());
        }
    }

    /** The row in force on {@code date}. */
    public RateEntry entryOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        LocalDate first = entries.getFirst().effectiveFrom();
        if (date.isBefore(first)) {
            throw new RateNotKnownException(name + " (" + source + ") has no rate for " + date
                    + ": the table starts on " + first, date);
        }
        if (date.isAfter(knownThrough)) {
            throw new RateNotKnownException(name + " (" + source + ") is only known through " + knownThrough
                    + ", so it has no rate for " + date + ": check the central bank's page, add any newer row"
                    + " and move known_through", date);
        }
        RateEntry inForce = entries.getFirst();
        for (RateEntry entry : entries) {
            if (entry.effectiveFrom().isAfter(date)) {
                break;
            }
            inForce = entry;
        }
        return inForce;
    }

    public LocalDate firstDay() {
        return entries.getFirst().effectiveFrom();
    }
}
