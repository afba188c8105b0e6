package dev.arrears.application.email;

import dev.arrears.domain.policy.Policy;
import dev.arrears.domain.policy.ReminderChannel;
import dev.arrears.domain.policy.Stage;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Who an organisation's reminder emails come from, and through which server.
 *
 * @param channel   the organisation's channel for reminders; a stage of its policy may override it
 * @param replyTo   where the customer's answer goes (the accountant, or the client's accounts address)
 * @param escalated a second sender for the later stages
 * @param server    the organisation's own SMTP server; empty = the firm-wide default server
 * @param language  the language of the reminders when the customer has none of their own
 */
public record SenderProfile(ReminderChannel channel, Mailbox from, Optional<Mailbox> replyTo, List<Mailbox> cc,
                            List<Mailbox> bcc, Optional<EscalatedSender> escalated, Optional<SmtpServer> server,
                            Locale language) {

    public SenderProfile {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(replyTo, "replyTo");
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        Objects.requireNonNull(escalated, "escalated");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(language, "language");
        if (cc.size() + bcc.size() > 10) {
            throw new IllegalArgumentException("at most 10 CC and BCC addresses together, got " + (cc.size() + bcc.size()));
        }
    }

    /**
     * The sender of a stage's reminder: the escalated sender from its stage on (by day), else {@code from}.
     * An escalated sender naming a stage the policy does not have is not used (the admin API warns of it).
     */
    public Mailbox senderFor(Policy policy, String stageName) {
        if (escalated.isEmpty()) {
            return from;
        }
        Optional<Integer> from = dayOf(policy, escalated.get().fromStage());
        Optional<Integer> stage = dayOf(policy, stageName);
        return from.isPresent() && stage.isPresent() && stage.get() >= from.get() ? escalated.get().from() : this.from;
    }

    private static Optional<Integer> dayOf(Policy policy, String stageName) {
        return policy.stages().stream().filter(s -> s.name().equals(stageName)).map(Stage::dayOffset).findFirst();
    }
}
