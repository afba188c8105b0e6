package dev.arrears.web.admin.collections;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Small checks and answers shared by the collections endpoints. */
final class RequestChecks {

    private static final String OPERATOR = "operator";

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

    static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
