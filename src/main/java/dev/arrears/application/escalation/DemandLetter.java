package dev.arrears.application.escalation;

import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The final notice's demand letter for one customer in one currency: what is owed, invoice by
 * invoice, the fees and interest with their computation, the total, the deadline and what happens
 * after it. {@code total = principal + feesTotal}, all in the same currency.
 */
public record DemandLetter(String organisation, Party customer, LocalDate letterDate, List<OwedInvoice> invoices,
                           List<FeeLine> fees, Money principal, Money feesTotal, Money total, LocalDate deadline,
                           String nextSteps) {
    public DemandLetter {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(letterDate, "letterDate");
        invoices = List.copyOf(invoices);
        fees = List.copyOf(fees);
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(feesTotal, "feesTotal");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(nextSteps, "nextSteps");
        if (invoices.isEmpty()) {
            throw new IllegalArgumentException("a demand letter needs at least one unpaid invoice");
        }
        if (!principal.plus(feesTotal).equals(total)) {
            throw new IllegalArgumentException("the letter's total " + total + " is not principal " + principal + " plus fees " + feesTotal);
        }
        if (deadline.isBefore(letterDate)) {
            throw new IllegalArgumentException("the deadline " + deadline + " is before the letter's date " + letterDate);
        }
    }
}
