package dev.arrears.application.policy;

/** Port: the policy documents and all their versions, kept in the database. */
public interface PolicyDocuments extends DocumentVersions {
}
