package dev.arrears.application.email;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One email, ready to hand to a server.
 *
 * @param messageId the {@code Message-ID} without angle brackets, derived from the action key, so the
 *                  same reminder always carries the same id (and a person can search for it)
 */
public record OutgoingEmail(String messageId, Mailbox from, Optional<Mailbox> replyTo, List<Mailbox> to, List<Mailbox> cc,
                            List<Mailbox> bcc, String subject, String text, String html, List<Attachment> attachments) {

    public OutgoingEmail {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(replyTo, "replyTo");
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        attachments = List.copyOf(attachments);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("an email needs at least one recipient");
        }
        if (subject.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw new IllegalArgumentException("a subject is one line");
        }
        if (!messageId.matches("[A-Za-z0-9._%+=-]+@[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("'" + messageId + "' is not a Message-ID (left@right, no brackets)");
        }
    }

    /** A file sent with the email. */
    public record Attachment(String fileName, String contentType, byte[] content) {
        public Attachment {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }
}
