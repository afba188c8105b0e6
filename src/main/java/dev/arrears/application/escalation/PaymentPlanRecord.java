package dev.arrears.application.escalation;

import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A payment plan and how each instalment went, as a case file lists it (see {@link PromiseRecord} on why here). */
public record PaymentPlanRecord(LocalDate agreedOn, Status status, List<Instalment> instalments) {

    public enum Status { ACTIVE, COMPLETED, BROKEN, CANCELLED }

    public record Instalment(LocalDate dueOn, Money amount, State state) {
        public enum State { DUE, PAID, MISSED }

        public Instalment {
            Objects.requireNonNull(dueOn, "dueOn");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(state, "state");
        }
    }

    public PaymentPlanRecord {
        Objects.requireNonNull(agreedOn, "agreedOn");
        Objects.requireNonNull(status, "status");
        instalments = List.copyOf(instalments);
    }
}
