package dev.arrears.domain.statutory;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A fixed compensation amount for debts of at least {@code from} (inclusive) up to the next band.
 */
public record CompensationBand(BigDecimal from, BigDecimal amount) {
    public CompensationBand {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(amount, "amount");
        if (from.signum() < 0) {
            throw new IllegalArgumentException("a compensation band cannot start below 0, was " + from);
        }
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a compensation amount must be positive, was " + amount);
        }
    }
}
