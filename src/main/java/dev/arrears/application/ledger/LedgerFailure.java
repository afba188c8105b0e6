package dev.arrears.application.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Why a call to the ledger did not succeed, sorted by what the caller must do next. */
public sealed interface LedgerFailure {

    String reason();

    /** Transient (5xx, timeout before sending, 429, organisation offline): try again, not before {@code notBefore}. */
    record RetryLater(String reason, Optional<Instant> notBefore) implements LedgerFailure {
        public RetryLater {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(notBefore, "notBefore");
        }
    }

    /** The connection is no longer authorised (invalid_grant, revoked consent): a person must reconnect. */
    record NeedsReconnect(String reason) implements LedgerFailure {
        public NeedsReconnect {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The ledger refused this request for good (validation error): a person must look at it. */
    record Rejected(String reason) implements LedgerFailure {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
