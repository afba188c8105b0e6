package dev.arrears.application.cycle;

import dev.arrears.application.InvoiceRef;
import dev.arrears.application.dispatch.CustomerContact;
import dev.arrears.application.dispatch.DueReminder;
import dev.arrears.application.dispatch.ReminderConsolidation;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Which reminders of a claimed batch go together as one statement email: those of one customer
 * (one contact, {@link ReminderConsolidation}) that may go in a statement, two or more of them.
 * A reminder in doubt never joins one: an earlier attempt may have reached the customer, and it is
 * settled on its own (never sent again). Everything else keeps its own path.
 */
final class StatementGroups {

    private StatementGroups() {
    }

    /**
     * @param invoices   the stored invoice of an action (its customer and currency group it)
     * @param statement  whether a reminder may go in a statement (email channel, email wording)
     * @return the groups, each in the order its invoices are listed (by currency, then due date)
     */
    static List<List<ClaimedAction>> of(List<ClaimedAction> batch, Function<InvoiceRef, Optional<InvoiceSnapshot>> invoices,
                                        BiPredicate<ClaimedAction, InvoiceSnapshot> statement) {
        Map<String, List<DueReminder>> byOrganisation = new LinkedHashMap<>();
        Map<String, ClaimedAction> byKey = new HashMap<>();
        for (ClaimedAction claimed : batch) {
            if (claimed.inDoubt() || !(claimed.entry().action() instanceof PlannedAction.SendReminder reminder)
                    || byKey.containsKey(reminder.key().value())) {
                continue;
            }
            Optional<InvoiceSnapshot> invoice = invoices.apply(claimed.entry().invoice());
            if (invoice.isPresent() && statement.test(claimed, invoice.get())) {
                byKey.put(reminder.key().value(), claimed);
                byOrganisation.computeIfAbsent(invoice.get().organisationId(), o -> new ArrayList<>())
                        .add(new DueReminder(reminder, invoice.get()));
            }
        }
        List<List<ClaimedAction>> groups = new ArrayList<>();
        for (List<DueReminder> reminders : byOrganisation.values()) {
            for (CustomerContact contact : ReminderConsolidation.consolidate(reminders, true)) {
                if (contact.invoiceCount() >= 2) {
                    groups.add(contact.messages().stream().flatMap(m -> m.members().stream())
                            .map(r -> byKey.get(r.action().key().value())).toList());
                }
            }
        }
        return groups;
    }
}
