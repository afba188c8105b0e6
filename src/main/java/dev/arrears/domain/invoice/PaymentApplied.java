package dev.arrears.domain.invoice;

import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Anything that lowered the amount due on a date: a payment, a credit note or an overpayment
 * allocation. Interest maths needs the dates, not only the current balance.
 */
public record PaymentApplied(LocalDate date, Money amount) {
    public PaymentApplied {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
    }
}
