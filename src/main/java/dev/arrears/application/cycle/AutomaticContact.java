package dev.arrears.application.cycle;

import dev.arrears.application.OrganisationId;
import dev.arrears.domain.contact.ContactRecord;
import java.util.Objects;
import java.util.Optional;

/**
 * A contact Arrears made with a customer (a reminder written), for the contact log.
 *
 * @param note the consolidated contact it is part of, when reminders of one dispatch run were one contact
 */
public record AutomaticContact(OrganisationId organisationId, String invoiceId, ContactRecord record, Optional<String> note) {
    public AutomaticContact {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(note, "note");
    }

    public AutomaticContact(OrganisationId organisationId, String invoiceId, ContactRecord record) {
        this(organisationId, invoiceId, record, Optional.empty());
    }
}
