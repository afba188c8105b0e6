package dev.arrears.application.ledger;

import java.util.Objects;

/** What the ledger shows of an earlier attempt at a write. */
public sealed interface Evidence {

    /** The write was applied before; do not write again. */
    record Found(String ledgerReference) implements Evidence {
        public Found {
            Objects.requireNonNull(ledgerReference, "ledgerReference");
        }
    }

    /** No trace: writing again (with the same idempotency key) is safe. */
    record NotFound() implements Evidence {
    }

    /** The ledger could not be asked; neither write nor give up. */
    record Unknown(LedgerFailure failure) implements Evidence {
        public Unknown {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
