package dev.arrears.application.escalation;

import dev.arrears.domain.contact.ContactRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Input to a case file: a contact record with what it was about, as the contact log keeps it. */
public record RecordedContact(ContactRecord record, List<String> invoiceIds, String summary, Optional<String> recipient) {
    public RecordedContact {
        Objects.requireNonNull(record, "record");
        invoiceIds = List.copyOf(invoiceIds);
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(recipient, "recipient");
    }
}
