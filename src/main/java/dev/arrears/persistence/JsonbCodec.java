package dev.arrears.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.arrears.domain.money.Money;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The JSON written into jsonb columns. A private mapper, not the application's REST one: the
 * stored format must not change when someone tunes how the API serialises things. Amounts are
 * written as strings so their scale survives (jsonb would keep it, but a JavaScript reader would not).
 */
final class JsonbCodec {

    // Trailing garbage after a JSON value must make a payload "not JSON", or jsonb would reject it later.
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonbCodec() {
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

    static String write(Map<String, Object> map) {
        try {
            return MAPPER.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit detail is not JSON-shaped: " + e.getOriginalMessage(), e);
        }
    }

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON column could not be read: " + e.getOriginalMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readMap(String json) {
        try {
            return MAPPER.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON column could not be read: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A provider payload as jsonb: kept as is when it is JSON, otherwise (a quarantined record may
     * be anything) kept as a JSON string, so the original text is never lost. The one thing jsonb
     * cannot hold is the NUL character (escaped in JSON text as backslash-u-0000): it is dropped from
     * every name and value, or the whole page holding the record would fail on every retry.
     */
    static String payload(String raw) {
        try {
            JsonNode node = MAPPER.readTree(raw);
            if (node != null && !node.isMissingNode()) {
                return raw.indexOf(NUL) < 0 && !raw.contains("\\u0000") ? raw : write(withoutNul(node));
            }
        } catch (JsonProcessingException notJson) {
            // fall through: wrap it
        }
        return write(TextNode.valueOf(raw.replace(String.valueOf(NUL), "")));
    }

    private static final char NUL = 0;

    private static JsonNode withoutNul(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(node.textValue().replace(String.valueOf(NUL), ""));
        }
        if (node.isArray()) {
            ArrayNode clean = array();
            node.forEach(element -> clean.add(withoutNul(element)));
            return clean;
        }
        if (node.isObject()) {
            ObjectNode clean = object();
            node.properties().forEach(field -> clean.set(field.getKey().replace(String.valueOf(NUL), ""), withoutNul(field.getValue())));
            return clean;
        }
        return node;
    }

    static ObjectNode money(Money money) {
        ObjectNode node = object();
        node.put("amount", money.amount().toPlainString());
        node.put("currency", money.currency().getCurrencyCode());
        return node;
    }

    static Money money(JsonNode node) {
        return Money.of(new BigDecimal(node.path("amount").asText()), Money.currency(node.path("currency").asText()));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException("stored JSON lacks '" + field + "': " + node);
        }
        return value.asText();
    }
}
