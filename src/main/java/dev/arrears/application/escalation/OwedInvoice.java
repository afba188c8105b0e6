package dev.arrears.application.escalation;

import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/** One line of a demand letter's breakdown: an unpaid invoice and how late it is on the letter's date. */
public record OwedInvoice(String invoiceId, String number, LocalDate issueDate, LocalDate dueDate, Money total,
                          Money amountDue, long daysOverdue) {
    public OwedInvoice {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(amountDue, "amountDue");
    }
}
