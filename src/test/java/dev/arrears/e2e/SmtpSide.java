package dev.arrears.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The SMTP server the packaged demo sends its reminder emails to (through
 * {@code ARREARS_EMAIL_SMTP_HOST}), in the test's JVM: what it received is what the customers got,
 * read independently of Arrears' own records. GreenMail keeps one copy per recipient mailbox; each
 * Message-ID is stamped with the simulated time the test first saw it.
 */
final class SmtpSide implements AutoCloseable {

    private final GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    /** When the test first saw each Message-ID, in the sandbox's simulated time. */
    private final Map<String, Instant> firstSeen = new LinkedHashMap<>();
    /** Simulated seconds per real second. */
    private final long speed;
    /** One moment in both times, taken tightly ({@link #anchor}): the simulated clock runs linearly from it. */
    private Instant anchorReal;
    private Instant anchorSimulated;
    private java.time.Duration anchorSpread;

    /** @param speed simulated seconds per real second (86,400 / seconds per day) */
    SmtpSide(long speed) {
        this.speed = speed;
    }

    /**
     * One email as received (all copies of one Message-ID together).
     *
     * @param sentAt when it was handed over, in simulated time: its {@code Date} header (the sender's real
     *               clock, to the second) mapped through the anchor. The time the test first saw it is
     *               only an upper bound: on a busy machine the test may look seconds (days) late
     */
    record Received(String messageId, String subject, Set<String> recipients, int copies, String text, Instant firstSeen,
                    Instant sentAt) {
    }

    /**
     * Ties real and simulated time: {@code simulated} was read between {@code before} and {@code after}.
     * The quickest read so far is kept, so the tie is as tight as the machine allowed.
     */
    void anchor(Instant before, Instant simulated, Instant after) {
        java.time.Duration spread = java.time.Duration.between(before, after);
        if (anchorSpread == null || spread.compareTo(anchorSpread) < 0) {
            anchorSpread = spread;
            anchorReal = before.plus(spread.dividedBy(2));
            anchorSimulated = simulated;
        }
    }

    private Instant simulated(java.util.Date real) {
        if (real == null || anchorReal == null) {
            return Instant.MAX;
        }
        long realMillis = real.toInstant().toEpochMilli() - anchorReal.toEpochMilli();
        return anchorSimulated.plusMillis(realMillis * speed);
    }

    SmtpSide start() {
        server.start();
        return this;
    }

    int port() {
        return server.getSmtp().getPort();
    }

    /**
     * Notes the Message-IDs that arrived since the last call, with the sandbox's simulated {@code now}.
     * GreenMail lists messages mailbox by mailbox, not in arrival order, so every call looks at all.
     */
    void collect(Instant now) throws MessagingException {
        for (MimeMessage m : server.getReceivedMessages()) {
            firstSeen.putIfAbsent(messageId(m), now);
        }
    }

    /** The emails by Message-ID, with how many recipient mailboxes hold a copy. */
    Map<String, Received> byMessageId() throws MessagingException, IOException {
        Map<String, Received> out = new LinkedHashMap<>();
        for (MimeMessage m : server.getReceivedMessages()) {
            Received r = received(m, firstSeen.getOrDefault(messageId(m), Instant.MAX), simulated(m.getSentDate()));
            out.merge(r.messageId(), r, (a, b) -> new Received(a.messageId(), a.subject(), a.recipients(), a.copies() + b.copies(),
                    a.text(), a.firstSeen(), a.sentAt()));
        }
        return out;
    }

    private static String messageId(MimeMessage m) throws MessagingException {
        return m.getMessageID() == null ? "" : m.getMessageID().replaceAll("^<|>$", "");
    }

    private static Received received(MimeMessage m, Instant now, Instant sentAt) throws MessagingException, IOException {
        Set<String> recipients = new LinkedHashSet<>();
        for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
            Address[] addresses = m.getRecipients(type);
            if (addresses != null) {
                for (Address a : addresses) {
                    recipients.add(((jakarta.mail.internet.InternetAddress) a).getAddress().toLowerCase(Locale.ROOT));
                }
            }
        }
        String id = m.getMessageID() == null ? "" : m.getMessageID().replaceAll("^<|>$", "");
        return new Received(id, m.getSubject(), recipients, 1, text(m), now, sentAt);
    }

    /** The text/plain part, decoded (quoted-printable would break a long link over lines). */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multi = (Multipart) part.getContent();
            for (int i = 0; i < multi.getCount(); i++) {
                BodyPart child = multi.getBodyPart(i);
                String found = text(child);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return "";
    }

    @Override
    public void close() {
        server.stop();
    }
}
