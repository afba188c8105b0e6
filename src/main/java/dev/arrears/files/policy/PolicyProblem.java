package dev.arrears.files.policy;

import dev.arrears.application.policy.ConfigProblem;
import java.util.Objects;

/**
 * One thing wrong with a policy file, phrased for the accountant who edits it.
 *
 * @param file    the file, as configured ("config/policies/default.yaml")
 * @param field   where in the file, as a path ("stages[3].actions[1].late_fee"); empty for the whole file
 * @param message what is wrong and what is allowed instead
 */
public record PolicyProblem(String file, String field, String message) {

    public PolicyProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** The same problem for the application (the console's editor, the admin API's import). */
    public ConfigProblem toConfigProblem() {
        return new ConfigProblem(file, field, message);
    }

    /** "file: field: message", one line, so each problem can be read (and grepped) on its own. */
    @Override
    public String toString() {
        return toConfigProblem().toString();
    }
}
