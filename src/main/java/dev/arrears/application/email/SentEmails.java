package dev.arrears.application.email;

import dev.arrears.application.OrganisationId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Port: the reminder emails an organisation's customers received (or may have received), newest
 * first, as the audit trail keeps them: the event that settled each email carries its words. There
 * is no second copy to drift from the evidence.
 */
public interface SentEmails {

    /** The server took the email. */
    String SENT = "sent";
    /** The email was handed over and no answer came: the customer may have it. */
    String IN_DOUBT = "may-have-been-sent";

    /**
     * @param invoiceId only the emails about this invoice (the ledger's id), or every one (a statement, which settles
     *                  several invoices' reminders, once)
     * @param limit     at most this many, at least 1
     */
    List<SentEmail> recent(OrganisationId organisation, Optional<String> invoiceId, int limit);

    /** One email as the customer received it. */
    record SentEmail(Instant at, String outcome, String invoiceId, String invoiceNumber, String customerId, String stage,
                     String actionKey, String messageId, String from, List<String> to, List<String> cc, String subject,
                     String text, String html, List<String> attachments) {
        public SentEmail {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(outcome, "outcome");
            to = List.copyOf(to);
            cc = List.copyOf(cc);
            attachments = List.copyOf(attachments);
        }
    }
}
