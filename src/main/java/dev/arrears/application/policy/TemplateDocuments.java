package dev.arrears.application.policy;

/** Port: the message templates, named by their path under config/templates ({@code email/en/friendly.subject.txt}), and all their versions, kept in the database. */
public interface TemplateDocuments extends DocumentVersions {
}
