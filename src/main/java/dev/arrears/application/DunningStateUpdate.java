package dev.arrears.application;

import dev.arrears.domain.dunning.DunningState;
import java.util.Objects;

/**
 * A new state for an invoice, written only if the stored state is still the one it was based on.
 *
 * @param basedOnVersion the version that was read, or {@link StoredDunningState#NOT_STORED}
 */
public record DunningStateUpdate(InvoiceRef invoice, long basedOnVersion, DunningState newState, String policyVersion) {

    public DunningStateUpdate {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(newState, "newState");
        Objects.requireNonNull(policyVersion, "policyVersion");
        if (basedOnVersion < 0) {
            throw new IllegalArgumentException("a version cannot be negative, was " + basedOnVersion);
        }
    }
}
