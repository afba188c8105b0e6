package dev.arrears.domain.statutory;

import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A payment made while interest ran and how the regime split it. The new principal bears interest
 * from the day after {@code date} (RULES.md §3 point 2).
 *
 * @param toInterest the part that settled interest accrued through {@code date} (zero when principal comes first)
 */
public record PartPayment(LocalDate date, Money paid, Money toInterest, Money toPrincipal) {

    public PartPayment {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(paid, "paid");
        Objects.requireNonNull(toInterest, "toInterest");
        Objects.requireNonNull(toPrincipal, "toPrincipal");
    }

    String describe(String basis) {
        if (toInterest.isZero()) {
            return "payment of " + paid + " on " + date + " lowers the principal from " + date.plusDays(1) + " (" + basis + ")";
        }
        return "payment of " + paid + " on " + date + ": " + toInterest + " to interest accrued through that day, "
                + toPrincipal + " to principal (" + basis + ")";
    }
}
