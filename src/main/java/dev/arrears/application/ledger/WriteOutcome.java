package dev.arrears.application.ledger;

import java.util.Objects;

/** What became of one write. */
public sealed interface WriteOutcome {

    /** Applied; {@code ledgerReference} names what the ledger made (the fee invoice's id, the note's id). */
    record Done(String ledgerReference) implements WriteOutcome {
        public Done {
            Objects.requireNonNull(ledgerReference, "ledgerReference");
        }
    }

    /**
     * The request may have been applied (a timeout or dropped connection after it was sent): the next
     * attempt must first look for its evidence in the ledger.
     */
    record InDoubt(String reason) implements WriteOutcome {
        public InDoubt {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Not applied. */
    record Failed(LedgerFailure failure) implements WriteOutcome {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
