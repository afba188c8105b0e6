package dev.arrears.files.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.domain.policy.StableKey;
import java.util.Optional;

/**
 * The optional {@code key:} of a stage or a fee rule: the part of its action keys that must never change while
 * invoices are in it. Written, it must be a usable key; left out, the name (or the rule's id) gives it.
 */
final class KeyField {

    static final String FIELD = "key";

    private KeyField() {
    }

    /** The written key, or empty when none is written or it is not usable (then reported at {@code path.key}). */
    static Optional<String> written(YamlFields fields, JsonNode node, String path) {
        return fields.text(node, path, FIELD, false).filter(key -> {
            Optional<String> problem = StableKey.problem(key);
            problem.ifPresent(why -> fields.problem(YamlFields.child(path, FIELD), why + "; expected at most "
                    + StableKey.MAX_LENGTH + " lower-case letters a-z, digits and single hyphens, such as final-notice"));
            return problem.isEmpty();
        });
    }

    /** True when a key is written but could not be used. */
    static boolean bad(JsonNode node, Optional<String> written) {
        return node.has(FIELD) && written.isEmpty();
    }

    /** The key as the loader will use it, from the raw node: written, else the default for {@code name}. */
    static String effective(JsonNode node, String name) {
        JsonNode key = node.path(FIELD);
        return key.isTextual() && !key.asText().isBlank() ? key.asText().trim() : StableKey.defaultFor(name);
    }
}
