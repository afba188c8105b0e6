package dev.arrears.application.escalation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything a collection agency, a lawyer or the person taking over needs about one customer's
 * debt: the invoices, what is owed per currency, the fees with their computation, every contact
 * attempt with its date and channel, and the promises, disputes and plans. The history matters if
 * the debt goes to court (limitation periods run from these dates).
 */
public record CaseFile(String organisation, Party customer, LocalDate preparedOn, String reason,
                       List<CaseInvoice> invoices, List<CurrencyTotal> totals, List<FeeLine> fees,
                       List<ContactAttempt> contacts, List<PromiseRecord> promises, List<DisputeRecord> disputes,
                       List<PaymentPlanRecord> plans) {
    public CaseFile {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(preparedOn, "preparedOn");
        Objects.requireNonNull(reason, "reason");
        invoices = List.copyOf(invoices);
        totals = List.copyOf(totals);
        fees = List.copyOf(fees);
        contacts = List.copyOf(contacts);
        promises = List.copyOf(promises);
        disputes = List.copyOf(disputes);
        plans = List.copyOf(plans);
    }
}
