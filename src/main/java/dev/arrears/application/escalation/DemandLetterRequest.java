package dev.arrears.application.escalation;

import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a demand letter is made from.
 *
 * @param invoices   the customer's invoices; settled ones and ones without a due date are left out
 * @param fees       fees and interest charged on those invoices (others are ignored)
 * @param today      the letter's date, in the organisation's zone
 * @param daysToPay  the deadline is {@code today + daysToPay}
 * @param nextSteps  what happens after the deadline, in the accountant's words
 */
public record DemandLetterRequest(String organisation, List<InvoiceSnapshot> invoices, List<FeeCharged> fees,
                                  LocalDate today, int daysToPay, String nextSteps) {
    public DemandLetterRequest {
        Objects.requireNonNull(organisation, "organisation");
        invoices = List.copyOf(invoices);
        fees = List.copyOf(fees);
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(nextSteps, "nextSteps");
        if (daysToPay < 1) {
            throw new IllegalArgumentException("a demand letter must give at least 1 day to pay, got " + daysToPay);
        }
    }
}
