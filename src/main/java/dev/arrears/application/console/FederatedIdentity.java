package dev.arrears.application.console;

import java.util.Objects;
import java.util.Optional;

/**
 * Who an OpenID Connect provider says signed in, from an ID token it signed and the web layer
 * verified. Only these claims are read: no role or organisation comes from the provider.
 *
 * @param email         the {@code email} claim, if any
 * @param emailVerified the {@code email_verified} claim; an unverified email never matches a user
 */
public record FederatedIdentity(String issuer, String subject, Optional<String> email, boolean emailVerified) {

    public FederatedIdentity {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(email, "email");
    }
}
