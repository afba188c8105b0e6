package dev.arrears.files.statutory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree whose every node knows its line, so a configuration error can point at
 * the line to fix (a plain Jackson tree forgets where its nodes came from).
 */
sealed interface LocatedYaml {

    int line();

    record Scalar(String text, int line) implements LocatedYaml {
    }

    record Mapping(Map<String, LocatedYaml> entries, Map<String, Integer> keyLines, int line) implements LocatedYaml {
    }

    record Sequence(List<LocatedYaml> items, int line) implements LocatedYaml {
    }

    /** Thrown for syntax errors and duplicate keys, with the line they were found on. */
    final class SyntaxError extends Exception {
        final int line;

        SyntaxError(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    static LocatedYaml read(Reader reader) throws IOException, SyntaxError {
        try (JsonParser parser = YAMLFactory.builder().build().createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Mapping(Map.of(), Map.of(), 1);
            }
            return node(parser);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SyntaxError(e.getOriginalMessage(), e.getLocation() == null ? 0 : e.getLocation().getLineNr());
        }
    }

    private static LocatedYaml node(JsonParser parser) throws IOException, SyntaxError {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, LocatedYaml> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyLine = parser.currentTokenLocation().getLineNr();
                if (entries.containsKey(key)) {
                    throw new SyntaxError("'" + key + "' appears twice (first on line " + keyLines.get(key) + ")", keyLine);
                }
                parser.nextToken();
                entries.put(key, node(parser));
                keyLines.put(key, keyLine);
            }
            return new Mapping(entries, keyLines, line);
        }
        if (token == JsonToken.START_ARRAY) {
            List<LocatedYaml> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(parser));
            }
            return new Sequence(items, line);
        }
        return new Scalar(token == JsonToken.VALUE_NULL ? null : parser.getText(), line);
    }
}
