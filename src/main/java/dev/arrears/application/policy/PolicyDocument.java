package dev.arrears.application.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of one policy document (a full policy, an organisation override or a customer
 * override), as kept in the database. Versions are never changed: saving adds the next one.
 *
 * @param name        relative to the policies folder: {@code default.yaml}, {@code organisations/northwind.yaml}
 * @param version     1 for the first version of the name, then 2, 3...
 * @param contentHash what decisions record as the version of a policy made of this document alone
 * @param savedBy     the console user, {@code file <path>} for a seeded file, or {@code operator} for the admin API
 */
public record PolicyDocument(String name, int version, String content, String contentHash, Origin origin, String savedBy,
                             Instant savedAt) {

    /** Where a version came from. */
    public enum Origin { FILE, CONSOLE, IMPORT }

    public PolicyDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(savedBy, "savedBy");
        Objects.requireNonNull(savedAt, "savedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, was " + version);
        }
    }
}
