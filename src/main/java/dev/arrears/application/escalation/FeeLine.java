package dev.arrears.application.escalation;

import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A fee or interest charge as a document shows it, with the computation in words exactly as the
 * fee calculator wrote it (rate, basis, days, dates, rounding), so the customer can check the sum.
 */
public record FeeLine(String invoiceNumber, String ruleId, int period, String description, LocalDate chargeDate,
                      Money amount, String computation) {
    public FeeLine {
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(chargeDate, "chargeDate");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(computation, "computation");
    }
}
