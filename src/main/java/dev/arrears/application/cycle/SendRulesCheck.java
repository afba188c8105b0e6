package dev.arrears.application.cycle;

import dev.arrears.application.ConnectionStore;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationKey;
import dev.arrears.application.SendRules;
import dev.arrears.application.SendRulesRepository;
import dev.arrears.application.collections.ContactLog;
import dev.arrears.domain.contact.ContactScheduler;
import dev.arrears.domain.contact.SendSlot;
import dev.arrears.domain.contact.ContactRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The organisation's send rules, asked right before a customer-facing write: the send window in
 * its zone, its public holidays, the minimum gap since any contact (manual ones included) and the
 * cap per 7 days, against the customer's contact history as stored now.
 */
public final class SendRulesCheck {

    private final SendRulesRepository rules;
    private final ContactLog contacts;
    private final ConnectionStore connections;
    private final ContactScheduler scheduler = new ContactScheduler();

    public SendRulesCheck(SendRulesRepository rules, ContactLog contacts, ConnectionStore connections) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    /**
     * The earliest moment at or after {@code now} at which the customer may be contacted.
     *
     * @throws dev.arrears.domain.contact.NoSendSlotException when the rules allow no moment at all
     */
    public SendSlot earliest(Organisation organisation, String customerId, Instant now) {
        OrganisationKey key = OrganisationKey.of(organisation, connections);
        SendRules sendRules = rules.rulesFor(key, organisation.timeZone(), organisation.country());
        return scheduler.earliestAllowed(customerId, now, oneRecordPerContact(contacts.forCustomer(organisation.id(), customerId)),
                sendRules.contact(), sendRules.holidays());
    }

    /**
     * The reminders of one consolidated contact (one customer, one dispatch run) are each recorded, at
     * the contact's one moment: they count as one contact for the gap and the cap.
     */
    static List<ContactRecord> oneRecordPerContact(List<ContactRecord> history) {
        Map<String, ContactRecord> byMoment = new LinkedHashMap<>();
        history.forEach(record -> byMoment.putIfAbsent(record.customerId() + "\u001f" + record.at(), record));
        return List.copyOf(byMoment.values());
    }
}
