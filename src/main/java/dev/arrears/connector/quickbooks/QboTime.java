package dev.arrears.connector.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Instants in the forms Intuit reads and writes. */
final class QboTime {

    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private QboTime() {
    }

    /** For {@code changedSince} and query literals: whole seconds with an offset ({@code 2026-06-24T07:00:00+00:00}). */
    static String literal(Instant instant) {
        return LITERAL.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /** The server time of a response envelope ({@code "time"}), an ISO date-time or epoch milliseconds. */
    static Optional<Instant> serverTime(JsonNode response) {
        JsonNode time = response == null ? null : response.get("time");
        if (time == null || time.isNull()) {
            return Optional.empty();
        }
        if (time.isNumber()) {
            return Optional.of(Instant.ofEpochMilli(time.asLong()));
        }
        try {
            return Optional.of(OffsetDateTime.parse(time.asText()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
