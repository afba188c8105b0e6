package dev.arrears.application.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Why a call to the ledger did not succeed, sorted by what the caller must do next. */
public sealed interface LedgerFailure {

    String reason();

    /**
     * Transient (5xx, timeout before sending, 429, organisation offline): try again, not before {@code notBefore}.
     *
     * @param throttled nothing was applied because a limit said wait: the ledger's (429, a daily email
     *                  limit) or Arrears' own limiter's, which sent nothing at all. Waiting for a limit is not
     *                  a failed attempt: a busy spell must not use up an action's attempts.
     */
    record RetryLater(String reason, Optional<Instant> notBefore, boolean throttled) implements LedgerFailure {
        public RetryLater {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(notBefore, "notBefore");
        }

        public RetryLater(String reason, Optional<Instant> notBefore) {
            this(reason, notBefore, false);
        }

        /** A limit (the ledger's or Arrears' own) said wait until {@code until}; nothing was applied. */
        public static RetryLater throttled(String reason, Instant until) {
            return new RetryLater(reason, Optional.of(until), true);
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
