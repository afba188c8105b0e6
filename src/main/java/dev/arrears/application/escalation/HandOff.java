package dev.arrears.application.escalation;

import java.util.Objects;

/**
 * A customer handed to a person: the flag's reason and the case file, as JSON and as text. Storing
 * the flag and the files (and showing them in the console) is the caller's job.
 */
public record HandOff(String customerId, String reason, CaseFile caseFile, String json, String text) {
    public HandOff {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(caseFile, "caseFile");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(text, "text");
    }
}
