package dev.arrears.domain.statutory;

import java.time.LocalDate;

/**
 * A rate was needed for a day the table does not cover. Statutory interest is then not computed
 * at all: charging a debtor at a guessed rate is worse than charging late.
 */
public final class RateNotKnownException extends RuntimeException {

    private final LocalDate date;

    public RateNotKnownException(String message, LocalDate date) {
        super(message);
        this.date = date;
    }

    public LocalDate date() {
        return date;
    }
}
