package dev.arrears.connector.xero;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Xero's dates. JSON carries Microsoft's {@code /Date(1546128000000+0000)/}: milliseconds since
 * the epoch, in UTC whatever the offset suffix says (Xero's own Java SDK ignores it too). Date-only
 * fields (Date, DueDate, FullyPaidOnDate) are UTC midnight of the calendar date: they are read in
 * UTC, never in the JVM's zone, or invoices in New Zealand move a day.
 */
final class XeroDates {

    private static final Pattern MS_DATE = Pattern.compile("^/Date\\((-?\\d+)([+-]\\d{4})?\\)/$");
    private static final DateTimeFormatter HTTP_HEADER = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private XeroDates() {
    }

    static Instant instant(String text) {
        Matcher m = MS_DATE.matcher(text.trim());
        if (m.matches()) {
            return Instant.ofEpochMilli(Long.parseLong(m.group(1)));
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            // "2019-12-07T18:46:19.5165400": UTC without a zone, as the identity API writes it.
            try {
                return LocalDateTime.parse(text.trim()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("'" + text + "' is not a Xero date", again);
            }
        }
    }

    static LocalDate date(String text) {
        return instant(text).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** {@code If-Modified-Since} in UTC, {@code yyyy-MM-ddTHH:mm:ssZ}: the date-time Xero's OpenAPI document asks for. */
    static String ifModifiedSince(Instant instant) {
        return HTTP_HEADER.format(instant.atZone(ZoneOffset.UTC));
    }
}
