package dev.arrears.application.cycle;

import dev.arrears.application.InvoiceRef;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.dispatch.CustomerContact;
import dev.arrears.application.dispatch.DueReminder;
import dev.arrears.application.dispatch.ReminderConsolidation;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The customer contacts of one dispatch run. The reminders of one customer claimed in the same run
 * are one contact for the send rules ({@link ReminderConsolidation}): the first one asks the send
 * rules and opens the contact; the others join it without asking again, and every reminder of it is
 * recorded in the contact log at the contact's moment with the consolidated contact id. Xero and
 * QuickBooks email one invoice per call, so each reminder is still its own send, with its own action
 * key and idempotency key. One customer's contact never affects another's.
 */
final class RunContacts {

    /** A contact opened in this run: its consolidated id and the moment it counts at. */
    record Contact(String contactId, Instant at) {
        Contact {
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Consolidated contact id by reminder action key, from the batches claimed so far. */
    private final Map<String, String> contactIds = new HashMap<>();
    /** Opened contacts by organisation and customer. */
    private final Map<String, Contact> opened = new HashMap<>();

    /** Groups a claimed batch's reminders per organisation and customer (channel: one invoice per send). */
    void consolidate(List<ClaimedAction> batch, Function<InvoiceRef, Optional<InvoiceSnapshot>> invoices) {
        Map<String, List<DueReminder>> byOrganisation = new LinkedHashMap<>();
        for (ClaimedAction claimed : batch) {
            if (claimed.entry().action() instanceof PlannedAction.SendReminder reminder) {
                Optional<InvoiceSnapshot> invoice = invoices.apply(claimed.entry().invoice());
                invoice.ifPresent(i -> byOrganisation.computeIfAbsent(i.organisationId(), o -> new ArrayList<>())
                        .add(new DueReminder(reminder, i)));
            }
        }
        for (List<DueReminder> reminders : byOrganisation.values()) {
            for (CustomerContact contact : ReminderConsolidation.consolidate(reminders, false)) {
                contact.messages().forEach(m -> m.members().forEach(
                        r -> contactIds.put(r.action().key().value(), contact.contactId())));
            }
        }
    }

    /** The contact this customer already has in this run, if any: a reminder joins it. */
    Optional<Contact> joined(OrganisationId organisation, String customerId) {
        return Optional.ofNullable(opened.get(key(organisation, customerId)));
    }

    /** Opens the customer's contact of this run at {@code at}, the send rules having allowed it. */
    Contact open(OrganisationId organisation, String customerId, PlannedAction reminder, Instant at) {
        String id = contactIds.getOrDefault(reminder.key().value(), "contact:" + reminder.key().value());
        return opened.computeIfAbsent(key(organisation, customerId), k -> new Contact(id, at));
    }

    private static String key(OrganisationId organisation, String customerId) {
        return organisation.value() + "\u001f" + customerId;
    }
}
