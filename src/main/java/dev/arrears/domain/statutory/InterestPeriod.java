package dev.arrears.domain.statutory;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The days interest is charged for, both ends included: from the day after the due date (or after
 * the last day already charged) through the computation or payment day. Counting this way gives
 * "days = last day - due date" (RULES.md §3 point 1).
 */
public record InterestPeriod(LocalDate from, LocalDate through) {

    public InterestPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(through, "through");
        if (through.isBefore(from)) {
            throw new IllegalArgumentException("an interest period ends on or after its first day: " + from + " to " + through);
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, through) + 1;
    }

    @Override
    public String toString() {
        return from + " to " + through;
    }
}
