package dev.arrears.connector.quickbooks;

/** Intuit refused a refresh token or authorization code for good (OAuth error invalid_grant). */
final class InvalidGrant extends RuntimeException {
    InvalidGrant(String description) {
        super("invalid_grant" + (description.isBlank() ? "" : ": " + description), null, false, false);
    }
}
