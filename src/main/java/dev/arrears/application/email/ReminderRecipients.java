package dev.arrears.application.email;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who a customer's reminder email goes to: the accountant's override when set, else the ledger's
 * addresses read now; the accountant's and the profile's copies added. A customer with no address
 * is a task for a person ("no email address for Acme Ltd"), never a silent drop (COLLECTIONS.md
 * lesson 10).
 */
public final class ReminderRecipients {

    /** What resolving came to. */
    public sealed interface Resolution {
    }

    /** @param source "accountant" (the override) or "ledger" */
    public record Resolved(Recipients recipients, String source) implements Resolution {
        public Resolved {
            Objects.requireNonNull(recipients, "recipients");
            Objects.requireNonNull(source, "source");
        }
    }

    /** The reason, worded for the person who has to find an address. */
    public record NoAddress(String reason) implements Resolution {
        public NoAddress {
            Objects.requireNonNull(reason, "reason");
        }
    }

    public record Failed(LedgerFailure failure) implements Resolution {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }

    private final CustomerEmailSettingsStore settings;
    private final UndeliverableAddresses undeliverable;

    public ReminderRecipients(CustomerEmailSettingsStore settings, UndeliverableAddresses undeliverable) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.undeliverable = Objects.requireNonNull(undeliverable, "undeliverable");
    }

    public Resolution resolve(OrganisationId organisation, InvoiceSnapshot invoice, SenderProfile profile, LedgerAddressBook ledger) {
        CustomerEmailSetting setting = settings.find(organisation, invoice.customerId());
        String source = "accountant";
        Recipients found;
        if (setting.to().isPresent()) {
            found = new Recipients(setting.to().get(), List.of(), List.of(), List.of());
        } else {
            AddressReading reading = ledger.read(organisation, invoice);
            if (reading instanceof AddressReading.Failed failed) {
                return new Failed(failed.failure());
            }
            found = ((AddressReading.Found) reading).recipients();
            source = "ledger";
        }
        if (found.isEmpty()) {
            String unusable = found.unusable().isEmpty() ? "" : " (the ledger has '" + String.join("', '", found.unusable())
                    + "', which is not an email address)";
            return new NoAddress("no email address for " + customerName(invoice) + unusable
                    + ": add one in the ledger or set one for the customer in Arrears");
        }
        // An address a server refused for good is not tried again: a person finds a better one.
        Map<String, String> refused = undeliverable.of(organisation, invoice.customerId());
        List<Mailbox> to = found.to().stream().filter(b -> !refused.containsKey(b.normalised())).toList();
        if (to.isEmpty()) {
            String addresses = found.to().stream().map(Mailbox::address).collect(java.util.stream.Collectors.joining(", "));
            return new NoAddress("undeliverable address " + addresses + " for " + customerName(invoice) + " ("
                    + refused.get(found.to().getFirst().normalised()) + "): nothing was sent; set a better address in the "
                    + "ledger, or set or clear the customer's addresses in Arrears (PUT or DELETE .../customers/{id}/email)");
        }
        List<Mailbox> cc = new ArrayList<>(found.cc());
        cc.addAll(setting.cc());
        cc.addAll(profile.cc());
        List<Mailbox> bcc = new ArrayList<>(found.bcc());
        bcc.addAll(setting.bcc());
        bcc.addAll(profile.bcc());
        cc.removeIf(b -> refused.containsKey(b.normalised()));
        bcc.removeIf(b -> refused.containsKey(b.normalised()));
        return new Resolved(withoutRepeats(new Recipients(to, cc, bcc, found.unusable())), source);
    }

    private static String customerName(InvoiceSnapshot invoice) {
        String name = invoice.customerName();
        return name == null || name.isBlank() ? "customer " + invoice.customerId() : name;
    }

    /** An address in "to" is not copied again; one in "cc" is not also a blind copy. */
    private static Recipients withoutRepeats(Recipients recipients) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Mailbox> to = keepFirst(recipients.to(), seen);
        List<Mailbox> cc = keepFirst(recipients.cc(), seen);
        List<Mailbox> bcc = keepFirst(recipients.bcc(), seen);
        return new Recipients(to, cc, bcc, recipients.unusable());
    }

    private static List<Mailbox> keepFirst(List<Mailbox> boxes, java.util.Set<String> seen) {
        return boxes.stream().filter(b -> seen.add(b.normalised())).toList();
    }
}
