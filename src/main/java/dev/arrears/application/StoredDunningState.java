package dev.arrears.application;

import dev.arrears.domain.dunning.DunningState;
import java.util.Objects;
import java.util.Optional;

/**
 * A dunning state as stored, with the version a writer must quote to replace it.
 *
 * @param version       1 for the first stored state, +1 for each replacement
 * @param policyVersion the policy version that produced it
 */
public record StoredDunningState(InvoiceRef invoice, DunningState state, long version, String policyVersion) {

    /** The version to quote for an invoice that has no stored state yet. */
    public static final long NOT_STORED = 0;

    public StoredDunningState {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(policyVersion, "policyVersion");
        if (version < 1) {
            throw new IllegalArgumentException("stored versions start at 1, was " + version);
        }
    }

    /** The version a writer based on {@code stored} must quote: {@link #NOT_STORED} when nothing was stored. */
    public static long versionOf(Optional<StoredDunningState> stored) {
        return stored.map(StoredDunningState::version).orElse(NOT_STORED);
    }
}
