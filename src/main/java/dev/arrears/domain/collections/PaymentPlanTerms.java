package dev.arrears.domain.collections;

import dev.arrears.domain.policy.PolicyOptions;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The agreed terms of a payment plan as plain text, to send to the customer: good practice is a
 * plan put in writing. It states only what the engine will actually do, so the letter and the
 * behaviour cannot drift apart.
 */
public final class PaymentPlanTerms {

    private PaymentPlanTerms() {
    }

    /**
     * @param invoiceNumbers the numbers the customer knows, by invoice id; an id without one is shown as is
     */
    public static String render(PaymentPlan plan, String customerName, Map<String, String> invoiceNumbers, PolicyOptions options) {
        String invoices = plan.invoiceIds().stream().map(id -> invoiceNumbers.getOrDefault(id, id)).collect(Collectors.joining(", "));
        StringBuilder text = new StringBuilder();
        text.append("Payment plan ").append(plan.id()).append(" agreed on ").append(plan.agreedOn())
                .append(" with ").append(customerName).append('\n');
        text.append("Invoices covered: ").append(invoices).append('\n');
        text.append("Total to be paid under this plan: ").append(plan.total()).append("\n\n");
        text.append("Instalments:\n");
        for (Instalment instalment : plan.instalments()) {
            text.append("  ").append(instalment.number()).append(". ").append(instalment.amount())
                    .append(" by ").append(instalment.dueOn()).append('\n');
        }
        text.append('\n');
        text.append("While each instalment is paid by its date, you will receive no payment reminders and no late fees\n")
                .append("will be charged on the invoices above.\n");
        text.append(options.courtesyDaysBeforeInstalment() == 0
                ? "We will send a courtesy reminder on the day each instalment is due.\n"
                : "We will send a courtesy reminder " + options.courtesyDaysBeforeInstalment() + " days before each instalment.\n");
        text.append("If an instalment is not paid by its date, we will contact you the following day; if it is still\n")
                .append("unpaid ").append(options.flagMissedInstalmentAfterDays())
                .append(" days after its date, the plan may be ended and normal follow-up of the remaining balance resumes.\n");
        text.append("Payments are applied to the earliest unpaid instalment first; paying early is always welcome.\n");
        return text.toString();
    }
}
