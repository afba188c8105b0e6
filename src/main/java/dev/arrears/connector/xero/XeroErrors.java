package dev.arrears.connector.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Turns Xero's error bodies into sentences a person can act on. */
final class XeroErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private XeroErrors() {
    }

    /**
     * A {@code ValidationException} names each refused element and its messages ("element 1
     * (INV-0042): Invoice # must be unique."); other errors give Xero's message or detail.
     */
    static String reason(int status, String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (Exception e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            String text = body == null ? "" : body.strip();
            return "Xero answered " + status + (text.isEmpty() ? "" : ": " + abbreviate(text));
        }
        if ("ValidationException".equals(node.path("Type").asText())) {
            List<String> parts = new ArrayList<>();
            int index = 0;
            for (JsonNode element : node.path("Elements")) {
                index++;
                List<String> messages = messages(element);
                if (!messages.isEmpty()) {
                    parts.add("element " + index + name(element) + ": " + String.join("; ", messages));
                }
            }
            return parts.isEmpty() ? "Xero refused the request: " + node.path("Message").asText("validation failed")
                    : "Xero refused the request: " + String.join(" | ", parts);
        }
        for (String field : List.of("Message", "Detail", "Title", "error")) {
            String text = node.path(field).asText("");
            if (!text.isBlank()) {
                return "Xero answered " + status + ": " + abbreviate(text);
            }
        }
        return "Xero answered " + status;
    }

    /** The per-element errors of a 200 answer sent with {@code summarizeErrors=false}; empty when it went well. */
    static List<String> messages(JsonNode element) {
        List<String> messages = new ArrayList<>();
        for (JsonNode error : element.path("ValidationErrors")) {
            String message = error.path("Message").asText("");
            if (!message.isBlank()) {
                messages.add(message);
            }
        }
        // Errors can also sit on the element's lines or contact.
        for (JsonNode line : element.path("LineItems")) {
            for (JsonNode error : line.path("ValidationErrors")) {
                messages.add("line: " + error.path("Message").asText(""));
            }
        }
        return messages;
    }

    private static String name(JsonNode element) {
        for (String field : List.of("InvoiceNumber", "InvoiceID", "Reference", "ContactID")) {
            String text = element.path(field).asText("");
            if (!text.isBlank()) {
                return " (" + text + ")";
            }
        }
        return "";
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
