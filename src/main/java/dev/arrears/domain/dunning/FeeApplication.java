package dev.arrears.domain.dunning;

import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One charge of one fee rule for one period.
 *
 * @param period       1 for the first charge of the rule on this invoice, 2 for the next, ...
 * @param accruedFrom  first day the charge covers (for interest; for other fees the charge date)
 * @param chargeDate   the day the fee became due
 * @param computation  how the amount was reached, in words, for the fee line and the audit trail
 * @param capped       true when a cap reduced the amount
 */
public record FeeApplication(String ruleId, int period, LocalDate accruedFrom, LocalDate chargeDate, Money amount,
                             String computation, boolean capped) {
    public FeeApplication {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(accruedFrom, "accruedFrom");
        Objects.requireNonNull(chargeDate, "chargeDate");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(computation, "computation");
        if (period < 1) {
            throw new IllegalArgumentException("fee periods start at 1, was " + period);
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a fee must be positive, was " + amount);
        }
    }
}
