package dev.arrears.application.escalation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The documents a stage can produce ({@code document:} in a policy). */
public enum DocumentKind {
    DEMAND_LETTER("demand-letter"),
    CASE_FILE("case-file");

    private final String policyName;

    DocumentKind(String policyName) {
        this.policyName = policyName;
    }

    /** As a policy names it: {@code demand-letter}, {@code case-file}. */
    public String policyName() {
        return policyName;
    }

    public static Optional<DocumentKind> fromPolicy(String name) {
        return Arrays.stream(values()).filter(k -> k.policyName.equals(name.trim().toLowerCase(Locale.ROOT))).findFirst();
    }
}
