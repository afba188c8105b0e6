package dev.arrears.files.statutory;

import dev.arrears.domain.statutory.Confidence;
import dev.arrears.domain.statutory.HalfYear;
import dev.arrears.domain.statutory.RateEntry;
import dev.arrears.files.csv.CsvLine;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one reference-rate CSV ({@code effective_from,rate_percent,source,confidence}) and checks
 * every line, naming the line and field of the first problem.
 */
final class RateTableCsv {

    static final String HEADER = "effective_from,rate_percent,source,confidence";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** {@code changes}: each row holds until the next; {@code half_yearly}: one row per half-year, no gaps. */
    enum Kind { CHANGES, HALF_YEARLY }

    private RateTableCsv() {
    }

    static List<RateEntry> entries(Path file, Kind kind) {
        List<String> lines = lines(file);
        if (lines.isEmpty() || !stripBom(lines.getFirst()).trim().equals(HEADER)) {
            throw new StatutoryConfigException(file, 1, "header", "expected '" + HEADER + "', found '"
                    + (lines.isEmpty() ? "" : lines.getFirst()) + "'");
        }
        List<RateEntry> entries = new ArrayList<>();
        int previousLine = 0;
        for (int i = 1; i < lines.size(); i++) {
            int lineNumber = i + 1;
            if (lines.get(i).isBlank()) {
                continue;
            }
            RateEntry entry = entry(file, lineNumber, lines.get(i));
            if (!entries.isEmpty()) {
                requireFollows(file, lineNumber, entry.effectiveFrom(), entries.getLast().effectiveFrom(), previousLine, kind);
            } else if (kind == Kind.HALF_YEARLY) {
                requireHalfYearStart(file, lineNumber, entry.effectiveFrom());
            }
            entries.add(entry);
            previousLine = lineNumber;
        }
        if (entries.isEmpty()) {
            throw new StatutoryConfigException(file, 2, "effective_from", "the table has no rows; allowed: at least one row after the header");
        }
        return entries;
    }

    private static RateEntry entry(Path file, int line, String text) {
        List<String> fields;
        try {
            fields = CsvLine.split(text);
        } catch (IllegalArgumentException e) {
            throw new StatutoryConfigException(file, line, "source",
                    "a quoted field is not closed (" + e.getMessage() + "); allowed: \"text\" with \"\" for a quote inside");
        }
        if (fields.size() != 4) {
            throw new StatutoryConfigException(file, line, "(line)", "has " + fields.size() + " fields; allowed: 4 fields, "
                    + HEADER + " (put a source that contains a comma in double quotes)");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(fields.get(0).trim());
        } catch (DateTimeParseException e) {
            throw new StatutoryConfigException(file, line, "effective_from", "'" + fields.get(0) + "' is not a date; allowed: YYYY-MM-DD");
        }
        BigDecimal rate;
        try {
            rate = new BigDecimal(fields.get(1).trim());
        } catch (NumberFormatException e) {
            throw new StatutoryConfigException(file, line, "rate_percent", "'" + fields.get(1)
                    + "' is not a number; allowed: a percentage a year with a decimal point, e.g. 3.75 or -0.88");
        }
        if (rate.abs().compareTo(HUNDRED) >= 0) {
            throw new StatutoryConfigException(file, line, "rate_percent", rate + " is not a plausible reference rate;"
                    + " allowed: a percentage between -100 and 100, e.g. 3.75 (not 0.0375)");
        }
        String source = fields.get(2).trim();
        if (source.isEmpty()) {
            throw new StatutoryConfigException(file, line, "source", "is empty; allowed: where the rate was read, e.g. the central bank's page");
        }
        return new RateEntry(date, rate, source, confidence(file, line, fields.get(3)));
    }

    private static Confidence confidence(Path file, int line, String text) {
        try {
            return Confidence.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new StatutoryConfigException(file, line, "confidence", "'" + text + "' is not a confidence; allowed: high, medium, low");
        }
    }

    private static void requireFollows(Path file, int line, LocalDate date, LocalDate previous, int previousLine, Kind kind) {
        if (!date.isAfter(previous)) {
            throw new StatutoryConfigException(file, line, "effective_from", date + " does not come after " + previous
                    + " (line " + previousLine + "); allowed: rows in increasing date order, one per date");
        }
        if (kind == Kind.HALF_YEARLY) {
            requireHalfYearStart(file, line, date);
            LocalDate expected = HalfYear.containing(previous).next().firstDay();
            if (!date.equals(expected)) {
                throw new StatutoryConfigException(file, line, "effective_from", date + " skips " + expected
                        + "; allowed: one row for every half-year, none missing");
            }
        }
    }

    private static void requireHalfYearStart(Path file, int line, LocalDate date) {
        if (!HalfYear.isFirstDay(date)) {
            throw new StatutoryConfigException(file, line, "effective_from", date + " does not start a half-year;"
                    + " allowed in a half-yearly table: YYYY-01-01 or YYYY-07-01, with the rate in force on that day");
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StatutoryConfigException(file, 0, "(file)", "cannot be read: " + e);
        }
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
