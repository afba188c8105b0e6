package dev.arrears.application.cycle;

import dev.arrears.application.LedgerProvider;
import java.util.function.Supplier;

/**
 * How long each step of an organisation's cycle takes, for the operator. A port: the adapter keeps
 * one timer per provider and step, never per organisation (a thousand organisations would be a
 * thousand series per step).
 */
public interface CycleTimer {

    /** The timed steps, in the order a cycle runs them. */
    enum Step {
        /** Reading the organisation's settings from the ledger (daily). */
        SETTINGS,
        /** Pulling what changed from the ledger. */
        SYNC,
        /** Deciding every open invoice and recording the decisions and the planned actions. */
        DECIDE,
        /** Writing the due actions into the ledger (live organisations only). */
        DISPATCH
    }

    /** Runs {@code work} and records how long it took, whether it returned or threw. */
    <T> T time(LedgerProvider provider, Step step, Supplier<T> work);

    /** For tools and tests that watch no metrics: runs the work, records nothing. */
    CycleTimer NONE = new CycleTimer() {
        @Override
        public <T> T time(LedgerProvider provider, Step step, Supplier<T> work) {
            return work.get();
        }
    };
}
