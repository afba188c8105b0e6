package dev.arrears.connector.quickbooks;

import dev.arrears.connector.text.LedgerText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The connector's own JSON handling. Trees rather than bound classes: Intuit adds members without a
 * new minor version, and a tree simply ignores what it does not ask for. Decimals are read as
 * {@link BigDecimal} so that amounts never pass through a double.
 */
final class QboJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private QboJson() {
    }

    static JsonNode parse(String text) throws JsonProcessingException {
        JsonNode node = MAPPER.readTree(text);
        if (node == null || node.isMissingNode()) {
            throw new com.fasterxml.jackson.core.JsonParseException(null, "empty body");
        }
        return node;
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A member's text, empty when absent, null or blank. */
    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return Optional.empty();
        }
        String text = LedgerText.clean(value.asText());
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    /** A reference's id: {@code {"value":"24","name":"..."}}. */
    static Optional<String> ref(JsonNode node, String field) {
        return node == null ? Optional.empty() : text(node.get(field), "value");
    }

    /** An exact decimal; fails with the field's name when it is there but not a number. */
    static Optional<BigDecimal> decimal(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return Optional.of(value.decimalValue());
        }
        if (value.isTextual()) {
            try {
                return Optional.of(new BigDecimal(value.asText().trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + " is not a number: '" + value.asText() + "'");
            }
        }
        throw new IllegalArgumentException(field + " is not a number: " + value);
    }

    /** A member that may be one object or an array of them, as a list-like node (never null). */
    static Iterable<JsonNode> each(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return java.util.List.of();
        }
        if (value.isArray()) {
            return value;
        }
        return java.util.List.of(value);
    }
}
