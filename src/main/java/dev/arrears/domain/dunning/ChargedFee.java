package dev.arrears.domain.dunning;

import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/** A fee the engine has already planned for an invoice; caps and the next period are counted from these. */
public record ChargedFee(String ruleId, int period, LocalDate chargeDate, Money amount) {
    public ChargedFee {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(chargeDate, "chargeDate");
        Objects.requireNonNull(amount, "amount");
    }

    public static ChargedFee of(FeeApplication fee) {
        return new ChargedFee(fee.ruleId(), fee.period(), fee.chargeDate(), fee.amount());
    }
}
