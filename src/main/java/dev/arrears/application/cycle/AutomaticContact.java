package dev.arrears.application.cycle;

import dev.arrears.application.OrganisationId;
import dev.arrears.domain.contact.ContactRecord;
import java.util.Objects;

/** A contact Arrears made with a customer (a reminder written), for the contact log. */
public record AutomaticContact(OrganisationId organisationId, String invoiceId, ContactRecord record) {
    public AutomaticContact {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(record, "record");
    }
}
