package dev.arrears.application.dispatch;

import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Groups a day's reminders of one organisation so that a customer with several invoices due hears
 * from it once (COLLECTIONS.md lesson 13): one {@link CustomerContact} per customer, holding one
 * {@link ConsolidatedReminder} per currency. Pure and deterministic: the order of the input does not
 * matter, and the same reminders always give the same groups and ids.
 */
public final class ReminderConsolidation {

    private static final Comparator<DueReminder> INVOICE_ORDER = Comparator
            .comparing((DueReminder r) -> r.invoice().dueDate().map(Object::toString).orElse("~"))
            .thenComparing(r -> r.invoice().number() == null ? "" : r.invoice().number())
            .thenComparing(r -> r.action().key().value());

    private ReminderConsolidation() {
    }

    /**
     * @param reminders       the reminders due today, all of one organisation
     * @param channelCombines whether the channel can send one message listing several invoices;
     *                        false for the ledgers' own invoice emails
     * @throws IllegalArgumentException for reminders of several organisations or a key given twice
     */
    public static List<CustomerContact> consolidate(List<DueReminder> reminders, boolean channelCombines) {
        Set<String> organisations = reminders.stream().map(r -> r.invoice().organisationId()).collect(Collectors.toSet());
        if (organisations.size() > 1) {
            throw new IllegalArgumentException("consolidation works on one organisation's reminders at a time, got " + new java.util.TreeSet<>(organisations));
        }
        long distinctKeys = reminders.stream().map(r -> r.action().key()).distinct().count();
        if (distinctKeys != reminders.size()) {
            throw new IllegalArgumentException("a reminder action key is given more than once; each invoice action is sent once");
        }
        ContactDelivery delivery = channelCombines ? ContactDelivery.COMBINED : ContactDelivery.ONE_PER_INVOICE;
        Map<String, Map<String, List<DueReminder>>> byCustomer = new TreeMap<>();
        for (DueReminder reminder : reminders) {
            InvoiceSnapshot invoice = reminder.invoice();
            byCustomer.computeIfAbsent(invoice.customerId(), c -> new TreeMap<>())
                    .computeIfAbsent(invoice.currency().getCurrencyCode(), c -> new ArrayList<>())
                    .add(reminder);
        }
        List<CustomerContact> contacts = new ArrayList<>();
        byCustomer.forEach((customer, byCurrency) -> {
            List<ConsolidatedReminder> messages = byCurrency.entrySet().stream()
                    .map(e -> {
                        List<DueReminder> members = e.getValue().stream().sorted(INVOICE_ORDER).toList();
                        return new ConsolidatedReminder(id("reminder-group", members), customer, Currency.getInstance(e.getKey()), members);
                    })
                    .toList();
            List<DueReminder> all = messages.stream().flatMap(m -> m.members().stream()).toList();
            contacts.add(new CustomerContact(id("contact", all), customer, delivery, messages));
        });
        return contacts;
    }

    /** {@code <kind>:<first 16 hex of SHA-256 over the sorted member keys>}: stable, and the same for the same members only. */
    static String id(String kind, List<DueReminder> members) {
        String keys = members.stream().map(r -> r.action().key()).map(ActionKey::value).sorted().collect(Collectors.joining("\n"));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(keys.getBytes(StandardCharsets.UTF_8));
            return kind + ":" + HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
