package dev.arrears.web.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The last word on every error that a resource did not answer itself: a JSON body {"error": ...}
 * that names the field at fault where there is one, and never a Java class, a stack trace or the
 * value that was sent. A body that cannot be read, or a value the database refuses (a check, a
 * length, a not-null), is the caller's mistake: 400. Anything else is logged with a reference the
 * answer repeats, and answered 500 without detail.
 */
public class ApiErrors {

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return bodyError(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonMappingException e) {
        return bodyError(e);
    }

    @ServerExceptionMapper
    public Response unreadable(MismatchedInputException e) {
        return bodyError(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Optional<Response> refused = refusedByDatabase(e);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<JsonProcessingException> json = cause(e, JsonProcessingException.class);
        if (json.isPresent()) {
            return bodyError(json.get());
        }
        Response original = e.getResponse();
        if (original.hasEntity()) {
            return original;
        }
        Response.StatusType status = original.getStatusInfo();
        return Response.fromResponse(original).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", status.getReasonPhrase().toLowerCase(Locale.ROOT))).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        Optional<Response> refused = refusedByDatabase(e);
        if (refused.isPresent()) {
            return refused.get();
        }
        String reference = UUID.randomUUID().toString();
        Log.errorf(e, "request failed (reference %s)", reference);
        return error(Response.Status.INTERNAL_SERVER_ERROR, "internal error; the server log has the details under reference "
                + reference);
    }

    static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }

    private static Response bodyError(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String why = e instanceof FieldRejected rejected ? rejected.why()
                : e instanceof JsonMappingException ? "has the wrong type or format" : "is not valid JSON";
        return error(Response.Status.BAD_REQUEST, field.isEmpty() ? "the request body " + why : "field '" + field + "' " + why);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * SQLSTATE classes 22 (data exception) and 23 (integrity constraint) are values the schema does
     * not accept. The field is the column PostgreSQL names, or the one in an unnamed check's
     * generated name ({@code <table>_<column>_check}).
     */
    private static Optional<Response> refusedByDatabase(Throwable e) {
        return cause(e, SQLException.class)
                .filter(sql -> sql.getSQLState() != null && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23")))
                .map(sql -> error(Response.Status.BAD_REQUEST, column(sql)
                        .map(c -> "field '" + c + "' has a value that is not accepted (too long, out of range or missing)")
                        .orElse("a value in the request is not accepted (too long, out of range or not storable)")));
    }

    private static Optional<String> column(SQLException sql) {
        if (!(sql instanceof PSQLException pg) || pg.getServerErrorMessage() == null) {
            return Optional.empty();
        }
        ServerErrorMessage server = pg.getServerErrorMessage();
        String column = server.getColumn();
        String constraint = server.getConstraint();
        String table = server.getTable();
        if (column == null && constraint != null && table != null && constraint.startsWith(table + "_")
                && constraint.endsWith("_check")) {
            column = constraint.substring(table.length() + 1, constraint.length() - "_check".length());
        }
        return Optional.ofNullable(column).filter(c -> c.matches("[a-z0-9_]{1,63}")).map(ApiErrors::camel);
    }

    private static String camel(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
