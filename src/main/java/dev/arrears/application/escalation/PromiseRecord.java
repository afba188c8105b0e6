package dev.arrears.application.escalation;

import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A promise to pay, as a case file lists it. Application-level on purpose: the collections branch
 * owns the domain fact of a promise; the case file only needs what a reader needs to see.
 */
public record PromiseRecord(LocalDate madeOn, LocalDate promisedFor, Money amount, Outcome outcome, Optional<String> note) {

    public enum Outcome { OPEN, KEPT, BROKEN }

    public PromiseRecord {
        Objects.requireNonNull(madeOn, "madeOn");
        Objects.requireNonNull(promisedFor, "promisedFor");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(note, "note");
    }
}
