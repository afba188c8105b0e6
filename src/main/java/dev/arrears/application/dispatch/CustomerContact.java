package dev.arrears.application.dispatch;

import java.util.List;
import java.util.Objects;

/**
 * Everything one customer is sent on one day: one contact for the send rules (window, gap, cap),
 * whatever the number of invoices, currencies or sends. Only this customer's history and cap are
 * consulted for it, so one customer's many invoices never hold back another customer.
 *
 * @param contactId derived from the member action keys of all its messages
 * @param messages  one per currency, ordered by currency code
 */
public record CustomerContact(String contactId, String customerId, ContactDelivery delivery, List<ConsolidatedReminder> messages) {
    public CustomerContact {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(delivery, "delivery");
        messages = List.copyOf(messages);
    }

    /** What the dispatcher sends: one entry per message when combined, one per invoice otherwise. */
    public List<List<DueReminder>> sends() {
        return delivery == ContactDelivery.COMBINED
                ? messages.stream().map(ConsolidatedReminder::members).toList()
                : messages.stream().flatMap(m -> m.members().stream()).map(List::of).toList();
    }

    public int invoiceCount() {
        return messages.stream().mapToInt(m -> m.members().size()).sum();
    }
}
