package dev.arrears.application.cycle;

import dev.arrears.application.AuditKind;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one attempt at an action came to: the result to store and, when worth telling, the audit
 * event's kind, sentence and facts (stored with the result in one transaction).
 */
record Settlement(ClaimResult result, Optional<AuditKind> kind, String message, Map<String, Object> detail) {

    Settlement {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        detail = Map.copyOf(detail);
    }

    static Settlement audited(ClaimResult result, AuditKind kind, String message, Map<String, Object> detail) {
        return new Settlement(result, Optional.of(kind), message, detail);
    }

    /** Put back without an audit event: nothing was tried (the organisation is not live, no connector). */
    static Settlement quiet(ClaimResult result) {
        return new Settlement(result, Optional.empty(), "", Map.of());
    }
}
