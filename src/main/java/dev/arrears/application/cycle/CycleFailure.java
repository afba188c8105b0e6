package dev.arrears.application.cycle;

import dev.arrears.application.ledger.LedgerFailure;
import java.util.Optional;

/** A step of an organisation's cycle could not be done; the organisation backs off and tries again. */
public class CycleFailure extends RuntimeException {

    private final transient Optional<LedgerFailure> ledgerFailure;

    public CycleFailure(String message) {
        super(message);
        this.ledgerFailure = Optional.empty();
    }

    public CycleFailure(String message, LedgerFailure failure) {
        super(message + ": " + failure.reason());
        this.ledgerFailure = Optional.of(failure);
    }

    /** What the ledger said, when the failure came from it (its Retry-After bounds the back-off). */
    public Optional<LedgerFailure> ledgerFailure() {
        return ledgerFailure;
    }
}
