package dev.arrears.application.cycle;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What the dispatcher stores for a claimed action. */
public sealed interface ClaimResult {

    /** Applied in the ledger (now or by an earlier attempt whose evidence was found). */
    /**
     * @param contact the contact with the customer this write was (a reminder), recorded in the contact log in
     *                the same transaction that marks the action done
     */
    record Done(String ledgerReference, Optional<AutomaticContact> contact) implements ClaimResult {
        public Done {
            Objects.requireNonNull(ledgerReference, "ledgerReference");
            Objects.requireNonNull(contact, "contact");
        }

        public Done(String ledgerReference) {
            this(ledgerReference, Optional.empty());
        }
    }

    /** Not needed any more (paid, voided, gone, on hold, disputed). */
    record Cancelled(String reason) implements ClaimResult {
        public Cancelled {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Try again at {@code nextAttemptAt}.
     *
     * @param attempted true when this attempt counts towards the limit (a write or a pre-flight was tried)
     * @param inDoubt   the write may have been applied: the next attempt looks for evidence first
     */
    record Retry(Instant nextAttemptAt, boolean attempted, boolean inDoubt, String error) implements ClaimResult {
        public Retry {
            Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
            Objects.requireNonNull(error, "error");
        }
    }

    /** A person has to look at it; the reason is shown in the admin API. */
    record NeedsHuman(String reason, boolean attempted) implements ClaimResult {
        public NeedsHuman {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
