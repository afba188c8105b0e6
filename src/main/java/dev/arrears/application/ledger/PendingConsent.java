package dev.arrears.application.ledger;

import dev.arrears.application.LedgerProvider;
import java.time.Instant;
import java.util.Objects;

/**
 * An OAuth consent that was started and not yet completed: the {@code state} that ties the callback
 * to it and the PKCE verifier (a secret: sealed at rest, never logged, see {@link #toString()}).
 *
 * @param policyId the policy the organisations of this consent will be chased under
 * @param origin   who started it and where the browser returns
 */
public record PendingConsent(String state, LedgerProvider provider, String codeVerifier, String policyId,
                             Instant expiresAt, ConsentOrigin origin) {

    public PendingConsent {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
        return "PendingConsent[provider=" + provider + ", policyId=" + policyId + ", expiresAt=" + expiresAt + "]";
    }
}
