package dev.arrears.application.cycle;

import dev.arrears.application.AuditKind;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one attempt at an action came to: the result to store and, when worth telling, the audit
 * event's kind, sentence and facts (stored with the result in one transaction).
 */
record Settlement(ClaimResult result, Optional<AuditKind> kind, String message, Map<String, Object> detail,
                  Optional<Instant> ledgerQuietUntil) {

    Settlement {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(ledgerQuietUntil, "ledgerQuietUntil");
        detail = Map.copyOf(detail);
    }

    static Settlement audited(ClaimResult result, AuditKind kind, String message, Map<String, Object> detail) {
        return new Settlement(result, Optional.of(kind), message, detail, Optional.empty());
    }

    /** Put back without an audit event: nothing was tried (the organisation is not live, no connector, quiet). */
    static Settlement quiet(ClaimResult result) {
        return new Settlement(result, Optional.empty(), "", Map.of(), Optional.empty());
    }

    /** The ledger asked for quiet until then (Retry-After): the rest of this batch for the organisation waits too. */
    Settlement quietUntil(Optional<Instant> until) {
        return new Settlement(result, kind, message, detail, until);
    }
}
