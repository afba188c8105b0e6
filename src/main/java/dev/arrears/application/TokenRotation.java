package dev.arrears.application;

import java.util.Optional;

/**
 * Refreshes a connection's tokens while the connection row is locked, so two replicas never spend
 * the same refresh token. Returns empty when no refresh is needed (another replica just did it).
 * An exception (such as invalid_grant) leaves the stored tokens untouched.
 */
@FunctionalInterface
public interface TokenRotation {
    Optional<OAuthTokens> rotate(LedgerConnection current);
}
