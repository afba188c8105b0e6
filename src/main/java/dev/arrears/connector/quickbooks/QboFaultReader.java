package dev.arrears.connector.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Intuit's fault envelopes. They come as {@code Fault.Error[]} (validation), as lower-case
 * {@code fault.error[]} (401), sometimes on HTTP 200, and the throttle fault has been seen as XML
 * despite {@code Accept: application/json}; all of them end up as a list of {@link QboError}.
 */
final class QboFaultReader {

    private static final Pattern XML_ERROR = Pattern.compile(
            "<Error[^>]*code=\"(\\d+)\"[^>]*>(.*?)</Error>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_MESSAGE = Pattern.compile("<Message>(.*?)</Message>", Pattern.DOTALL);
    private static final Pattern XML_DETAIL = Pattern.compile("<Detail>(.*?)</Detail>", Pattern.DOTALL);
    private static final Pattern ERROR_CODE = Pattern.compile("errorCode=0*(\\d+)");

    private QboFaultReader() {
    }

    /** The errors of a fault body; empty when the body is no fault. */
    static List<QboError> of(JsonNode body) {
        JsonNode fault = member(body, "Fault");
        if (fault == null || fault.isNull()) {
            return List.of();
        }
        List<QboError> errors = new ArrayList<>();
        JsonNode list = member(fault, "Error");
        for (JsonNode e : list == null ? List.<JsonNode>of() : list.isArray() ? list : List.of(list)) {
            String message = textOf(e, "Message");
            String code = textOf(e, "code");
            if (code.isEmpty()) {
                code = codeIn(message);
            }
            errors.add(new QboError(code, message, textOf(e, "Detail"), textOf(e, "element")));
        }
        if (errors.isEmpty()) {
            errors.add(new QboError("", "fault of type " + textOf(fault, "type"), "", ""));
        }
        return errors;
    }

    /** The errors of a non-JSON body (XML throttle faults); empty when none can be found. */
    static List<QboError> ofText(String body) {
        List<QboError> errors = new ArrayList<>();
        Matcher m = XML_ERROR.matcher(body);
        while (m.find()) {
            String inner = m.group(2);
            errors.add(new QboError(m.group(1), first(XML_MESSAGE, inner), first(XML_DETAIL, inner), ""));
        }
        if (errors.isEmpty()) {
            String code = codeIn(body);
            if (!code.isEmpty()) {
                errors.add(new QboError(code, "", "", ""));
            }
        }
        return errors;
    }

    static boolean has(List<QboError> errors, String... codes) {
        for (QboError e : errors) {
            for (String code : codes) {
                if (e.code().equals(code)) {
                    return true;
                }
            }
        }
        return false;
    }

    static String describe(List<QboError> errors) {
        return errors.isEmpty() ? "no details given" : String.join("; ", errors.stream().map(QboError::toString).toList());
    }

    /** Members are matched without regard to case: Intuit writes both "Fault" and "fault". */
    private static JsonNode member(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String textOf(JsonNode node, String name) {
        JsonNode value = member(node, name);
        return value == null || value.isNull() ? "" : value.asText().trim();
    }

    private static String codeIn(String text) {
        Matcher m = ERROR_CODE.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1).trim() : "";
    }
}
