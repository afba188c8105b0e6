package dev.arrears.application.escalation;

import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** An invoice in a case file, with the follow-up stage it had reached. */
public record CaseInvoice(String invoiceId, String number, LocalDate issueDate, Optional<LocalDate> dueDate, Money total,
                          Money amountDue, String stage) {
    public CaseInvoice {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(amountDue, "amountDue");
        Objects.requireNonNull(stage, "stage");
    }
}
