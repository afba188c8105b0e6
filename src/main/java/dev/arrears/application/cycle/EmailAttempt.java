package dev.arrears.application.cycle;

import dev.arrears.application.AuditKind;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.email.Mailbox;
import dev.arrears.application.email.OutgoingEmail;
import dev.arrears.application.email.SendOutcome;
import dev.arrears.application.email.SentEmails;
import dev.arrears.application.ledger.LedgerGateway;
import dev.arrears.application.ledger.LedgerWrite;
import dev.arrears.application.ledger.WriteOutcome;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an email reminder's hand-over comes to, for the outbox and the audit trail. An email that may
 * have reached the customer is never sent again by Arrears: it waits for a person as "may have been
 * sent", with the message itself in the audit trail.
 */
final class EmailAttempt {

    private EmailAttempt() {
    }

    /** An email reminder whose earlier attempt began and never ended (the claim expired, the process died). */
    static Settlement mayHaveBeenSent(ClaimedAction claimed) {
        String reason = "may have been sent: an earlier attempt at this email began and its outcome is unknown; check the "
                + "customer's mailbox or the server's log for Message-ID arrears.* of " + claimed.entry().action().key()
                + " before sending it yourself";
        return Settlement.audited(new ClaimResult.NeedsHuman(reason, true), AuditKind.ACTION_NEEDS_HUMAN,
                "Waiting for a person: " + reason + ".", Map.of("reason", reason, "channel", "email"));
    }

    /**
     * @param retry what a failed attempt that sent nothing becomes (the dispatcher's back-off and attempt limit)
     */
    static Settlement settle(ClaimedAction claimed, EmailReminders.Ready ready, SendOutcome outcome, InvoiceSnapshot invoice,
                             LedgerGateway gateway, Optional<AutomaticContact> contact, Function<String, Settlement> retry) {
        OutboxEntry entry = claimed.entry();
        OutgoingEmail email = ready.email();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("channel", "email");
        detail.put("messageId", email.messageId());
        detail.put("from", email.from().formatted());
        detail.put("to", addresses(email.to()));
        detail.put("cc", addresses(email.cc()));
        detail.put("recipientsFrom", ready.recipientsSource());
        detail.put("subject", email.subject());
        detail.put("stage", entry.action().stage());
        detail.put("invoiceNumber", invoice.number() == null ? "" : invoice.number());
        detail.put("invoicePdf", ready.invoicePdf());
        return switch (outcome) {
            case SendOutcome.Sent sent -> {
                // The email as the customer received it: GET /admin/organisations/{id}/emails reads it from here.
                detail.put("outcome", SentEmails.SENT);
                detail.put("text", email.text());
                detail.put("html", email.html());
                detail.put("attachments", email.attachments().stream().map(OutgoingEmail.Attachment::fileName).toList());
                String note = note(entry, email, invoice, gateway);
                detail.put("ledgerNote", note);
                yield Settlement.audited(new ClaimResult.Done("email <" + email.messageId() + "> to "
                                + String.join(", ", addresses(email.to())), contact), AuditKind.ACTION_DONE,
                        "Emailed '" + email.subject() + "' to " + String.join(", ", addresses(email.to())) + "; " + note + ".", detail);
            }
            case SendOutcome.TryLater later -> retry.apply("the email was not sent: " + later.reason());
            case SendOutcome.Undeliverable undeliverable -> needsHuman("undeliverable address " + String.join(", ",
                    undeliverable.addresses()) + " for " + invoice.customerName() + " (" + undeliverable.reason()
                    + "): nothing was sent; find a better address and set it in the ledger or in Arrears", false, detail);
            case SendOutcome.Refused refused -> needsHuman("the email was not sent: " + refused.reason(), false, detail);
            case SendOutcome.InDoubt doubt -> {
                detail.put("outcome", SentEmails.IN_DOUBT);
                detail.put("text", email.text());
                detail.put("html", email.html());
                detail.put("attachments", email.attachments().stream().map(OutgoingEmail.Attachment::fileName).toList());
                yield needsHuman("may have been sent: the email <" + email.messageId() + "> to "
                        + String.join(", ", addresses(email.to())) + " was handed over and no answer came (" + doubt.reason()
                        + "); it is never sent again automatically", true, detail);
            }
        };
    }

    /** The subject and text go into the ledger's note, so the accountant sees there what the customer received. */
    private static String note(OutboxEntry entry, OutgoingEmail email, InvoiceSnapshot invoice, LedgerGateway gateway) {
        LedgerWrite.Note note = new LedgerWrite.Note(entry.action().key(), invoice, entry.action().stage(),
                EmailReminders.noteText(email, entry.action().stage()));
        WriteOutcome written;
        try {
            written = gateway.write(entry.invoice().organisationId(), note);
        } catch (RuntimeException e) {
            written = new WriteOutcome.InDoubt("the note failed unexpectedly: " + e);
        }
        // The email is sent whatever becomes of the note: it is never sent again for a note's sake.
        return switch (written) {
            case WriteOutcome.Done done -> "noted in the ledger (" + done.ledgerReference() + ")";
            case WriteOutcome.InDoubt doubt -> "the ledger note may not have been written (" + doubt.reason() + ")";
            case WriteOutcome.Failed failed -> "the ledger note was not written (" + failed.failure() + ")";
        };
    }

    private static Settlement needsHuman(String reason, boolean attempted, Map<String, Object> detail) {
        Map<String, Object> all = new LinkedHashMap<>(detail);
        all.put("reason", reason);
        return Settlement.audited(new ClaimResult.NeedsHuman(reason, attempted), AuditKind.ACTION_NEEDS_HUMAN,
                "Waiting for a person: " + reason + ".", all);
    }

    private static List<String> addresses(List<Mailbox> boxes) {
        return boxes.stream().map(Mailbox::address).toList();
    }
}
