package dev.arrears.application;

/** The state of the OAuth connection to a ledger. */
public enum ConnectionStatus {
    ACTIVE,
    /** The provider refused the refresh token (invalid_grant): a person must reconnect. Never retried blindly. */
    NEEDS_RECONNECT,
    /** Disconnected on purpose. */
    REVOKED
}
