package dev.arrears.domain.collections;

import dev.arrears.domain.invoice.PaymentApplied;
import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan with what was paid towards it. The engine decides one invoice at a time, but a plan's
 * instalments are paid across all its invoices, so the caller gathers those payments.
 *
 * <p>An instalment counts as paid when everything paid since the plan was agreed covers it and all
 * before it (payments are applied to the earliest instalment first). It is <em>missed</em> from the
 * day after its date while that is not so; paying late catches up and ends the follow-up.
 *
 * @param payments payments applied to any invoice of the plan; those before it was agreed are ignored
 */
public record PlanStanding(PaymentPlan plan, List<PaymentApplied> payments) {

    public PlanStanding {
        Objects.requireNonNull(plan, "plan");
        payments = List.copyOf(payments);
        var currency = plan.total().currency();
        for (PaymentApplied p : payments) {
            if (!p.amount().currency().equals(currency)) {
                throw new IllegalArgumentException("payment plan " + plan.id() + " is in " + currency.getCurrencyCode()
                        + " but a payment is in " + p.amount().currency().getCurrencyCode());
            }
        }
    }

    public static PlanStanding withoutPayments(PaymentPlan plan) {
        return new PlanStanding(plan, List.of());
    }

    /** Paid towards the plan from the day it was agreed through the end of {@code day}. */
    public Money paidThrough(LocalDate day) {
        return payments.stream()
                .filter(p -> !p.date().isBefore(plan.agreedOn()) && !p.date().isAfter(day))
                .map(PaymentApplied::amount)
                .reduce(Money.zero(plan.total().currency()), Money::plus);
    }

    public boolean paidInFullBy(LocalDate day) {
        return paidThrough(day).compareTo(plan.total()) >= 0;
    }

    /** In force: agreed, not ended by a person, not yet paid in full. */
    public boolean inForceOn(LocalDate day) {
        return Window.active(plan.agreedOn(), plan.endedOn(), day) && !paidInFullBy(day);
    }

    /** The earliest instalment whose date has passed and that is still not covered on {@code day}. */
    public Optional<Instalment> missedOn(LocalDate day) {
        Money paid = paidThrough(day);
        return plan.instalments().stream()
                .filter(i -> i.dueOn().isBefore(day) && paid.compareTo(plan.dueThrough(i.number())) < 0)
                .findFirst();
    }

    /** The next instalment, on or after {@code day}, that what was paid does not cover yet. */
    public Optional<Instalment> nextUncovered(LocalDate day) {
        Money paid = paidThrough(day);
        return plan.instalments().stream()
                .filter(i -> !i.dueOn().isBefore(day) && paid.compareTo(plan.dueThrough(i.number())) < 0)
                .findFirst();
    }
}
