package dev.arrears.application.escalation;

import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a reminder template can say. {@code invoice} is the invoice the reminder is about; a
 * consolidated reminder lists all of its invoices in {@code invoices} (the first is {@code invoice})
 * and their sum in {@code amountDue}.
 */
public record ReminderMessage(String organisation, Party customer, Line invoice, List<Line> invoices, Money amountDue) {

    public record Line(String number, LocalDate dueDate, Money total, Money amountDue) {
        public Line {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(dueDate, "dueDate");
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(amountDue, "amountDue");
        }
    }

    public ReminderMessage {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(invoice, "invoice");
        invoices = List.copyOf(invoices);
        Objects.requireNonNull(amountDue, "amountDue");
        if (invoices.isEmpty() || !invoices.getFirst().equals(invoice)) {
            throw new IllegalArgumentException("a reminder's invoices must start with the invoice it is about");
        }
    }

    public static ReminderMessage single(String organisation, Party customer, Line invoice) {
        return new ReminderMessage(organisation, customer, invoice, List.of(invoice), invoice.amountDue());
    }
}
