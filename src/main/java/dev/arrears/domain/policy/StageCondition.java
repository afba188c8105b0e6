package dev.arrears.domain.policy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/** A condition an invoice must meet for a stage to apply to it. */
public sealed interface StageCondition {

    /**
     * The amount due must be at least {@code amount}. With a currency, the condition only speaks
     * of invoices in that currency (other currencies pass); without one, it compares the bare number.
     */
    record MinimumAmountDue(BigDecimal amount, Optional<Currency> currency) implements StageCondition {
        public MinimumAmountDue {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
            if (amount.signum() < 0) {
                throw new IllegalArgumentException("minimum amount due cannot be negative: " + amount);
            }
        }
    }
}
