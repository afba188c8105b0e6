package dev.arrears.application.ledger;

import java.util.Objects;
import java.util.Optional;

/**
 * What one sync did, for the log, the admin API and the benchmark.
 *
 * @param apiCalls     requests sent to the provider (token refreshes included)
 * @param fullRescan   true when this sync re-read every open invoice rather than only the changes
 * @param stoppedBy    the failure that ended it early, if any; pages stored before it stay stored
 */
public record SyncReport(int apiCalls, int invoicesStored, int quarantined, boolean fullRescan,
                         Optional<LedgerFailure> stoppedBy) {
    public SyncReport {
        Objects.requireNonNull(stoppedBy, "stoppedBy");
    }

    public boolean completed() {
        return stoppedBy.isEmpty();
    }
}
