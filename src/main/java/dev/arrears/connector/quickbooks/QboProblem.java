package dev.arrears.connector.quickbooks;

import dev.arrears.application.ledger.LedgerFailure;
import java.util.List;
import java.util.Objects;

/**
 * A call to Intuit that did not succeed, already sorted into what the caller must do
 * ({@link LedgerFailure}). Unchecked so that a sync or a write can stop wherever it is; every
 * gateway method catches it and turns it into its report.
 *
 * @param maybeApplied true when a write may have been carried out although no answer came back
 */
final class QboProblem extends RuntimeException {

    private final transient LedgerFailure failure;
    private final boolean maybeApplied;
    private final transient List<QboError> errors;

    QboProblem(LedgerFailure failure, boolean maybeApplied, List<QboError> errors) {
        super(failure.reason(), null, false, false);
        this.failure = Objects.requireNonNull(failure);
        this.maybeApplied = maybeApplied;
        this.errors = List.copyOf(errors);
    }

    QboProblem(LedgerFailure failure) {
        this(failure, false, List.of());
    }

    LedgerFailure failure() {
        return failure;
    }

    boolean maybeApplied() {
        return maybeApplied;
    }

    List<QboError> errors() {
        return errors;
    }

    boolean has(String code) {
        return QboFaultReader.has(errors, code);
    }
}
