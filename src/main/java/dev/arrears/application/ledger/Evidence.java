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

    /**
     * No trace, but the provider still keeps the earlier attempt's answer under its idempotency key:
     * a repeat now is answered from the key if the write was applied, and applies it if not. Now, not
     * later: the key expires, so the repeat does not wait for the send rules (the earlier attempt was
     * made inside them); a payment or a guard still stops it.
     */
    record RepeatNow(String reason) implements Evidence {
        public RepeatNow {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The ledger could not be asked; neither write nor give up. */
    record Unknown(LedgerFailure failure) implements Evidence {
        public Unknown {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
