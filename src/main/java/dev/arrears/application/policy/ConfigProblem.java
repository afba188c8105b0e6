package dev.arrears.application.policy;

import java.util.Objects;

/**
 * One thing wrong with a policy text, as start-up reports it: the file (the document's name under
 * the policies folder), the field path and what is allowed.
 */
public record ConfigProblem(String file, String field, String message) {

    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** "file: field: message", one line, so each problem can be read (and grepped) on its own. */
    @Override
    public String toString() {
        return field.isEmpty() ? file + ": " + message : file + ": " + field + ": " + message;
    }
}
