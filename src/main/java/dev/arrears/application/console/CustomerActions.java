package dev.arrears.application.console;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.Transactions;
import dev.arrears.application.collections.ContactLog;
import dev.arrears.domain.contact.ContactChannel;
import dev.arrears.domain.contact.ContactRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A person's record of contact with a customer, from the console: a phone call or a letter goes into
 * the same contact log the admin API writes (which the send rules count for the minimum gap and the
 * weekly cap), and onto the timeline of the invoice it was about, or of each of the customer's
 * invoices still chased when it was about all of them. Audited with the user's name, in one
 * transaction with the record.
 */
public final class CustomerActions {

    /** What a person may record from the console; emails are recorded by Arrears when it sends them. */
    public static final List<ContactChannel> RECORDABLE = List.of(ContactChannel.PHONE, ContactChannel.LETTER,
            ContactChannel.IN_PERSON, ContactChannel.OTHER);

    private static final int MAX_NOTE = 2000;

    private final ContactLog contacts;
    private final ConsoleViews views;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public CustomerActions(ContactLog contacts, ConsoleViews views, AuditTrail audit, Transactions transactions, Clock clock) {
        this.contacts = contacts;
        this.views = views;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @param invoice the invoice the contact was about; empty: about all of the customer's invoices still chased
     * @throws IllegalArgumentException for a channel that cannot be recorded here, a missing note or an
     *                                  invoice that is not the customer's
     */
    public ContactRecord recordContact(ConsoleAccess access, OrganisationId organisation, String customerId,
                                       ContactChannel channel, Optional<String> invoice, String note) {
        access.requireChange(organisation);
        if (channel == null || !RECORDABLE.contains(channel)) {
            throw new IllegalArgumentException("Record a phone call, a letter, a meeting in person or another contact.");
        }
        String what = InvoiceActions.required(note, "what was said or sent");
        if (what.length() > MAX_NOTE) {
            throw new IllegalArgumentException("Keep the note under " + MAX_NOTE + " characters.");
        }
        Instant now = clock.instant();
        List<ConsoleViews.InvoiceLine> owned = views.customerInvoices(organisation, customerId, now);
        if (owned.isEmpty()) {
            throw new IllegalArgumentException("This organisation has no customer '" + customerId + "'.");
        }
        List<String> about = invoice.isPresent()
                ? owned.stream().map(ConsoleViews.InvoiceLine::providerInvoiceId).filter(invoice.get()::equals).toList()
                : owned.stream().filter(l -> l.status().equals("OPEN")).map(ConsoleViews.InvoiceLine::providerInvoiceId).toList();
        if (invoice.isPresent() && about.isEmpty()) {
            throw new IllegalArgumentException("Invoice '" + invoice.get() + "' is not this customer's.");
        }
        String kind = describe(channel);
        String message = access.user().displayName() + " recorded " + kind + " with " + owned.getFirst().customerName() + ": " + what;
        return transactions.inOne(() -> {
            ContactRecord recorded = contacts.record(organisation, ContactRecord.manual(customerId, now, channel), invoice,
                    Optional.of(what), access.user().username());
            for (String invoiceId : about) {
                audit.append(AuditEvent.forInvoice(new InvoiceRef(organisation, invoiceId), AuditKind.CONSOLE_ACTION,
                        Optional.empty(), Optional.empty(),
                        Map.of("user", access.user().username(), "action", "contact", "channel", channel.name()), message));
            }
            return recorded;
        });
    }

    static String describe(ContactChannel channel) {
        return switch (channel) {
            case PHONE -> "a phone call";
            case LETTER -> "a letter";
            case IN_PERSON -> "a meeting in person";
            case EMAIL -> "an email";
            case OTHER -> "a contact";
        };
    }

    /** The channel a form names, in any case; an unknown one is the user's mistake. */
    public static ContactChannel channel(String text) {
        try {
            return ContactChannel.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Choose how the contact was made: phone, letter, in person or other.");
        }
    }
}
