package dev.arrears.application.policy;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where one stage or fee rule of an effective policy comes from: the file that first defined it and
 * the files that changed it since, with the fields each changed.
 */
public record PolicySource(Part part, String name, String definedIn, List<Change> changes) {

    public enum Part {
        STAGE("stage"), FEE_RULE("fee rule");

        private final String words;

        Part(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** {@code file} changed {@code fields} of the part (removed it, when {@code fields} is empty and {@code removed}). */
    public record Change(String file, List<String> fields, boolean removed) {
        public Change {
            Objects.requireNonNull(file, "file");
            fields = List.copyOf(fields);
        }
    }

    public PolicySource {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definedIn, "definedIn");
        changes = List.copyOf(changes);
    }

    public boolean removed() {
        return !changes.isEmpty() && changes.getLast().removed();
    }

    /** "stage 'Final notice' from config/policies/default.yaml, day and actions overridden by config/policies/customers/acme.yaml". */
    public String describe() {
        StringBuilder text = new StringBuilder(part.words()).append(" '").append(name).append("' from ").append(definedIn);
        for (Change change : changes) {
            text.append(", ").append(change.removed() ? "removed" : words(change.fields()) + " overridden").append(" by ").append(change.file());
        }
        return text.toString();
    }

    private static String words(List<String> fields) {
        if (fields.size() == 1) {
            return fields.getFirst();
        }
        return fields.subList(0, fields.size() - 1).stream().collect(Collectors.joining(", ")) + " and " + fields.getLast();
    }
}
