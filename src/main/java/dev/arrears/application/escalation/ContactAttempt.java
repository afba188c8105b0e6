package dev.arrears.application.escalation;

import dev.arrears.domain.contact.ContactChannel;
import dev.arrears.domain.contact.ContactOrigin;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One attempt to reach the customer, manual or automatic, as a case file lists it. The time is
 * shown in the organisation's zone with its offset, so it reads as the local time and stays exact.
 *
 * @param invoiceNumbers the invoices the contact was about (several for a consolidated reminder)
 * @param summary        what was sent or said ("reminder 'overdue'", "phone call: promised Friday")
 * @param recipient      who was contacted (an email address, a name), when known
 * @param actionKey      the outbox action behind an automatic contact
 */
public record ContactAttempt(OffsetDateTime at, ContactChannel channel, ContactOrigin origin, List<String> invoiceNumbers,
                             String summary, Optional<String> recipient, Optional<String> actionKey) {
    public ContactAttempt {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(origin, "origin");
        invoiceNumbers = List.copyOf(invoiceNumbers);
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(actionKey, "actionKey");
    }

    /** "2026-12-11 09:00 +01:00": the local wall-clock time and its offset, for readable renderings. */
    public String when() {
        return at.toLocalDate() + " " + at.toLocalTime() + " " + (at.getOffset().getTotalSeconds() == 0 ? "+00:00" : at.getOffset().getId());
    }

    /** "INV-1, INV-2", for readable renderings. */
    public String invoiceNumbersText() {
        return String.join(", ", invoiceNumbers);
    }
}
