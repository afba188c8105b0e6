package dev.arrears.application.escalation;

import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A payment plan and how each instalment went by the day the case file is prepared, made from the
 * collections domain's {@code PlanStanding} (see {@link PromiseRecord} on why).
 */
public record PaymentPlanRecord(LocalDate agreedOn, String agreedBy, List<String> invoiceNumbers, Status status,
                                Money paid, List<Instalment> instalments) {

    /** ACTIVE and kept; IN_ARREARS once an instalment is missed; COMPLETED when paid in full; ENDED by a person. */
    public enum Status { ACTIVE, IN_ARREARS, COMPLETED, ENDED }

    public record Instalment(int number, LocalDate dueOn, Money amount, State state) {
        public enum State { DUE, PAID, MISSED }

        public Instalment {
            Objects.requireNonNull(dueOn, "dueOn");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(state, "state");
        }
    }

    public PaymentPlanRecord {
        Objects.requireNonNull(agreedOn, "agreedOn");
        Objects.requireNonNull(agreedBy, "agreedBy");
        invoiceNumbers = List.copyOf(invoiceNumbers);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(paid, "paid");
        instalments = List.copyOf(instalments);
    }

    public String invoiceNumbersText() {
        return String.join(", ", invoiceNumbers);
    }
}
