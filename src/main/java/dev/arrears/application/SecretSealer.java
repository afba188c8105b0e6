package dev.arrears.application;

/**
 * Encrypts secrets (refresh and access tokens, PKCE verifiers) before they are stored, and decrypts
 * them for use. Each value is bound to where it is stored, {@code boundTo} (table, column and row,
 * e.g. {@code ledger_connection.refresh_token:<organisation id>}): a value copied to another row or
 * column does not open.
 */
public interface SecretSealer {

    Sealed seal(String plaintext, String boundTo);

    /** @throws SecretUnreadableException if the value was tampered with, moved, or its key is not configured */
    String open(Sealed sealed, String boundTo);

    /** Whether the value is sealed under the current key and bound to its place; if not, re-seal it. */
    boolean isCurrent(Sealed sealed);
}
