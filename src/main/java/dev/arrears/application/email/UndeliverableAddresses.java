package dev.arrears.application.email;

import dev.arrears.application.OrganisationId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Port: the addresses a mail server refused for good (a 5xx for the recipient, such as
 * {@code 550 5.1.1 user unknown}), per customer, kept in PostgreSQL. Later reminders do not send to
 * them: each waits for a person instead, until an accountant sets or clears the customer's
 * addresses in Arrears, or the ledger gives the customer another address.
 */
public interface UndeliverableAddresses {

    /** Remembers the refused addresses (as written; compared without case). */
    void remember(OrganisationId organisation, String customerId, List<String> addresses, String reason, Instant at);

    /** The customer's refused addresses, lower-case, each with the server's answer. */
    Map<String, String> of(OrganisationId organisation, String customerId);

    /** An accountant changed or cleared the customer's addresses: every address may be tried again. */
    void forget(OrganisationId organisation, String customerId);

    /** For installations and tests that keep none. */
    UndeliverableAddresses NONE = new UndeliverableAddresses() {
        @Override
        public void remember(OrganisationId organisation, String customerId, List<String> addresses, String reason, Instant at) {
        }

        @Override
        public Map<String, String> of(OrganisationId organisation, String customerId) {
            return Map.of();
        }

        @Override
        public void forget(OrganisationId organisation, String customerId) {
        }
    };
}
