package dev.arrears.application.email;

/** How the connection to an SMTP server is protected. */
public enum SmtpSecurity {
    /** Plain connection upgraded with STARTTLS, which is required (port 587): never falls back to plain text. */
    STARTTLS,
    /** TLS from the first byte (port 465). */
    TLS,
    /**
     * No encryption: only for a relay on the same host or network (the demo's embedded server).
     * Credentials are never sent over such a connection.
     */
    NONE
}
