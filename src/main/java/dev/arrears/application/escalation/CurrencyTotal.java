package dev.arrears.application.escalation;

import dev.arrears.domain.money.Money;
import java.util.Currency;
import java.util.Objects;

/** What is owed in one currency: principal outstanding, fees and interest charged, and their sum. */
public record CurrencyTotal(Currency currency, Money principal, Money fees, Money total) {
    public CurrencyTotal {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(total, "total");
        if (!principal.plus(fees).equals(total)) {
            throw new IllegalArgumentException("total " + total + " is not principal " + principal + " plus fees " + fees);
        }
    }
}
