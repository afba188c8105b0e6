package dev.arrears.domain.statutory;

import dev.arrears.domain.money.Money;
import java.util.Objects;

/** The fixed sum per invoice and why that amount ("debt of 1000.00 GBP, band ...: 70.00 GBP, s.5A(2) ..."). */
public record StatutoryCompensation(Money amount, String explanation) {
    public StatutoryCompensation {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(explanation, "explanation");
    }
}
