package dev.arrears.web.admin.collections;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/** Small checks and answers shared by the collections endpoints. */
final class RequestChecks {

    private static final String OPERATOR = "operator";
    private static final String EARLIEST = "2000-01-01";

    private RequestChecks() {
    }

    /** Who set a fact: the name given, or "operator" (the admin API has one operator token today). */
    static String by(String given) {
        return given == null || given.isBlank() ? OPERATOR : given;
    }

    static String required(String value, String field) {
        require(value != null && !value.isBlank(), field + " is required");
        return value;
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * A day an operator gives (a hold's end, a promise, an instalment): from {@value #EARLIEST} to ten
     * years after the organisation's today. Beyond that it is a typo, and a year past 9999 cannot even
     * be written back as ISO 8601.
     */
    static LocalDate day(LocalDate value, String field, LocalDate today) {
        require(value != null, field + " is required (YYYY-MM-DD)");
        require(!value.isBefore(LocalDate.parse(EARLIEST)) && !value.isAfter(today.plusYears(10)),
                field + " must be between " + EARLIEST + " and " + today.plusYears(10) + " (ten years ahead)");
        return value;
    }

    /** An instant (a contact's time): the same bounds as {@link #day}, taken in UTC. */
    static Instant instant(Instant value, String field, LocalDate today) {
        day(LocalDate.ofInstant(value, ZoneOffset.UTC), field, today);
        return value;
    }

    static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message == null ? "the request is not valid" : message)).build();
    }
}
