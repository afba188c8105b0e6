package dev.arrears.application;

import java.util.Objects;

/** The exact text of one version of a policy, kept so that any decision can be explained later. */
public record PolicyVersionRecord(String policyId, String version, String sourcePath, String content) {
    public PolicyVersionRecord {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(content, "content");
    }
}
