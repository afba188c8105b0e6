package dev.arrears.application.dispatch;

import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The reminders of one customer in one currency on one day. Each member keeps its own action key
 * (the outbox is keyed per invoice action, so a member can be sent, cancelled or retried on its
 * own); {@code groupId} is derived from the member keys only, so the same members always give the
 * same group.
 */
public record ConsolidatedReminder(String groupId, String customerId, Currency currency, List<DueReminder> members) {
    public ConsolidatedReminder {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(currency, "currency");
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a consolidated reminder needs at least one invoice");
        }
    }
}
