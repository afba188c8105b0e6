package dev.arrears.application.escalation;

import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A promise to pay as a case file shows it, judged on the day the file is prepared. Made from the
 * collections domain's {@code PromiseToPay}; kept apart from it so the file's JSON shape does not
 * change when the domain type does.
 *
 * @param amount empty when the customer promised to pay in full
 */
public record PromiseRecord(String invoiceNumber, LocalDate madeOn, LocalDate promisedFor, Optional<Money> amount,
                            Outcome outcome, String recordedBy) {

    public enum Outcome { OPEN, KEPT, BROKEN, WITHDRAWN }

    public PromiseRecord {
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(madeOn, "madeOn");
        Objects.requireNonNull(promisedFor, "promisedFor");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(recordedBy, "recordedBy");
    }

    /** "1200.00 GBP" or "in full", for readable renderings. */
    public String amountText() {
        return amount.map(Money::toString).orElse("in full");
    }
}
