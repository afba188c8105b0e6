package dev.arrears.domain.collections;

import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/** One agreed payment of a plan: number {@code number} (from 1) of {@code amount} by {@code dueOn}. */
public record Instalment(int number, LocalDate dueOn, Money amount) {
    public Instalment {
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(amount, "amount");
        if (number < 1) {
            throw new IllegalArgumentException("instalments are numbered from 1, was " + number);
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("instalment " + number + " must be a positive amount, was " + amount);
        }
    }
}
