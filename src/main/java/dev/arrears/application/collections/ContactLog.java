package dev.arrears.application.collections;

import dev.arrears.application.OrganisationId;
import dev.arrears.domain.contact.ContactRecord;
import java.util.List;
import java.util.Optional;

/**
 * Every contact with a customer, automatic or by a person: the history that matters if a debt goes
 * to an agency or to court, and what the send rules count for the minimum gap and the cap.
 */
public interface ContactLog {

    ContactRecord record(OrganisationId org, ContactRecord contact, Optional<String> invoiceId, Optional<String> note,
                         String recordedBy);

    /** Oldest first. */
    List<ContactRecord> forCustomer(OrganisationId org, String customerId);
}
