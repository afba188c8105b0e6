package dev.arrears.domain.collections;

import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An instalment schedule agreed with one customer for one or more of their invoices. From
 * {@code agreedOn} the covered invoices get no ladder reminders and no fees; instead a courtesy
 * reminder goes before each instalment and a missed instalment has its own follow-up. The plan is in
 * force until it is paid in full or a person ends it ({@code endedOn}); then the ladder resumes at
 * the stage due that day.
 *
 * @param instalments in date order, numbered 1, 2, 3... in one currency
 */
public record PaymentPlan(String id, String customerId, List<String> invoiceIds, LocalDate agreedOn,
                          List<Instalment> instalments, String agreedBy, Optional<LocalDate> endedOn) {

    public PaymentPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(agreedOn, "agreedOn");
        Objects.requireNonNull(agreedBy, "agreedBy");
        Objects.requireNonNull(endedOn, "endedOn");
        invoiceIds = List.copyOf(invoiceIds);
        instalments = List.copyOf(instalments);
        if (invoiceIds.isEmpty()) {
            throw new IllegalArgumentException("payment plan " + id + " covers no invoice");
        }
        if (instalments.isEmpty()) {
            throw new IllegalArgumentException("payment plan " + id + " has no instalments");
        }
        for (int i = 0; i < instalments.size(); i++) {
            Instalment instalment = instalments.get(i);
            if (instalment.number() != i + 1) {
                throw new IllegalArgumentException("payment plan " + id + ": instalments must be numbered 1, 2, 3... in order");
            }
            if (!instalment.amount().currency().equals(instalments.getFirst().amount().currency())) {
                throw new IllegalArgumentException("payment plan " + id + " mixes currencies");
            }
            if (instalment.dueOn().isBefore(agreedOn)) {
                throw new IllegalArgumentException("payment plan " + id + ": instalment " + instalment.number()
                        + " falls on " + instalment.dueOn() + ", before the plan was agreed on " + agreedOn);
            }
            if (i > 0 && !instalment.dueOn().isAfter(instalments.get(i - 1).dueOn())) {
                throw new IllegalArgumentException("payment plan " + id + ": instalment dates must rise");
            }
        }
    }

    public boolean covers(InvoiceSnapshot invoice) {
        return invoice.customerId().equals(customerId) && invoiceIds.contains(invoice.invoiceId());
    }

    public Money total() {
        return instalments.stream().map(Instalment::amount).reduce(Money::plus).orElseThrow();
    }

    /** What the first {@code number} instalments add up to. */
    public Money dueThrough(int number) {
        return instalments.subList(0, number).stream().map(Instalment::amount).reduce(Money::plus).orElseThrow();
    }

    public LocalDate lastInstalmentOn() {
        return instalments.getLast().dueOn();
    }
}
