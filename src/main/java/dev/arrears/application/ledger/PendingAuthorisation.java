package dev.arrears.application.ledger;

import dev.arrears.application.LedgerProvider;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An OAuth authorisation handed to a person's browser and not yet come back.
 *
 * @param state       the OAuth {@code state} value (the store keeps only its hash)
 * @param policyId    the policy the new organisation will be chased under
 * @param displayName a name to use until the ledger's own is read
 * @param origin      who started it and where the browser returns
 */
public record PendingAuthorisation(String state, LedgerProvider provider, String policyId, Optional<String> displayName,
                                   Instant expiresAt, ConsentOrigin origin) {

    public PendingAuthorisation {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
        return "PendingAuthorisation[state=***, provider=" + provider + ", policyId=" + policyId + ", expiresAt=" + expiresAt + "]";
    }
}
