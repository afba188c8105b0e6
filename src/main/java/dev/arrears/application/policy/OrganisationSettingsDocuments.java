package dev.arrears.application.policy;

/** Port: the per-organisation settings documents (send rules), named as in config/organisations, and all their versions, kept in the database. */
public interface OrganisationSettingsDocuments extends DocumentVersions {
}
