package dev.arrears.connector.email;

import dev.arrears.application.email.Mailbox;
import dev.arrears.application.email.MailTransport;
import dev.arrears.application.email.OutgoingEmail;
import dev.arrears.application.email.SendOutcome;
import dev.arrears.application.email.SenderProfile;
import dev.arrears.application.email.SmtpSecurity;
import dev.arrears.application.email.SmtpServer;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import io.vertx.ext.mail.StartTLSOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Sends through SMTP with the Vert.x mail client: a client made for each email from the profile's
 * server and login (sender profiles change at run time; Quarkus' named mailers are fixed at
 * start-up), closed once the email is settled. The one question that matters for at-most-once is whether the message may have been
 * handed over: any answer from the server (2xx, 4xx, 5xx) says for sure; no answer after the
 * connection was open does not, and is reported in doubt.
 */
@ApplicationScoped
public class SmtpMailTransport implements MailTransport {

    private static final System.Logger LOG = System.getLogger(SmtpMailTransport.class.getName());

    private final Vertx vertx;
    private final EmailConfig config;

    SmtpMailTransport(Vertx vertx, EmailConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    /** SMTP serves every profile: it is the transport a mailbox transport (Gmail, Microsoft 365) would be chosen before. */
    @Override
    public boolean serves(SenderProfile profile) {
        return true;
    }

    @Override
    public SendOutcome send(SenderProfile profile, OutgoingEmail email) {
        Optional<SmtpServer> server = profile.server().or(this::firmDefault);
        if (server.isEmpty()) {
            return new SendOutcome.Refused("no SMTP server: the sender profile has none and ARREARS_EMAIL_SMTP_HOST is not set");
        }
        // A client of its own for every email, closed after it: no pool outlives the message. With one
        // long-lived client, a connection the pool never got back (seen in the demo after some hundred
        // emails) left the next email waiting for a free one until the timeout made it "in doubt"
        // although nothing had been handed over.
        MailClient client = MailClient.create(vertx, mailConfig(server.get()));
        try {
            client.sendMail(message(email)).toCompletionStage().toCompletableFuture()
                    .get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return new SendOutcome.Sent(email.messageId());
        } catch (TimeoutException e) {
            return new SendOutcome.InDoubt("no answer from " + server.get().identity() + " within " + config.sendTimeout());
        } catch (ExecutionException e) {
            return classify(e.getCause(), email, server.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.InDoubt("interrupted while handing the email to " + server.get().identity());
        } finally {
            client.close();
        }
    }

    /** What a failed send means; see the class comment. */
    static SendOutcome classify(Throwable failure, OutgoingEmail email, SmtpServer server) {
        String where = server.identity();
        if (failure instanceof SMTPException smtp) {
            String answer = smtp.getReplyCode() + " " + String.join(" ", smtp.getReplyMessages());
            if (smtp.isTransient()) {
                return new SendOutcome.TryLater(where + " answered " + answer);
            }
            List<String> refused = refusedRecipients(smtp, email);
            if (!refused.isEmpty()) {
                return new SendOutcome.Undeliverable(refused, where + " refused " + String.join(", ", refused) + ": " + answer);
            }
            return new SendOutcome.Refused(where + " refused the email: " + answer);
        }
        if (failure instanceof ConnectException || failure instanceof UnknownHostException || failure instanceof SSLException) {
            // No connection, or none that was safe: nothing was handed over.
            return new SendOutcome.TryLater("could not reach " + where + ": " + failure);
        }
        LOG.log(System.Logger.Level.WARNING, "Email {0} to {1}: the connection ended without an answer ({2})",
                email.messageId(), where, failure.toString());
        return new SendOutcome.InDoubt("the connection to " + where + " ended without an answer: " + failure);
    }

    /**
     * The recipients a permanent refusal is about: a {@code 5.1.x} status (a bad mailbox) or a
     * {@code 550}/{@code 553} answer that names them. Empty when the refusal is about the message.
     */
    private static List<String> refusedRecipients(SMTPException smtp, OutgoingEmail email) {
        String text = String.join(" ", smtp.getReplyMessages()).toLowerCase(Locale.ROOT);
        List<String> named = new ArrayList<>();
        List<Mailbox> all = new ArrayList<>(email.to());
        all.addAll(email.cc());
        all.addAll(email.bcc());
        for (Mailbox box : all) {
            if (text.contains(box.normalised())) {
                named.add(box.address());
            }
        }
        boolean mailboxStatus = smtp.getEnhancedStatus() != null && smtp.getEnhancedStatus().getSubject() == 1;
        if (named.isEmpty() && mailboxStatus) {
            return email.to().stream().map(Mailbox::address).toList();
        }
        return mailboxStatus || smtp.getReplyCode() == 550 || smtp.getReplyCode() == 553 ? named : List.of();
    }

    private Optional<SmtpServer> firmDefault() {
        EmailConfig.Smtp smtp = config.smtp();
        return smtp.host().map(host -> new SmtpServer(host, smtp.port(),
                SmtpSecurity.valueOf(smtp.security().strip().toUpperCase(Locale.ROOT)), smtp.user(), smtp.password()));
    }

    private static MailConfig mailConfig(SmtpServer server) {
        MailConfig mail = new MailConfig().setHostname(server.host()).setPort(server.port())
                // One connection per email: a pooled connection's state never blurs what became of a message.
                .setKeepAlive(false)
                .setConnectTimeout(30_000);
        switch (server.security()) {
            case STARTTLS -> mail.setStarttls(StartTLSOptions.REQUIRED);
            case TLS -> mail.setSsl(true).setStarttls(StartTLSOptions.DISABLED);
            case NONE -> mail.setStarttls(StartTLSOptions.DISABLED);
        }
        if (server.user().isPresent()) {
            mail.setLogin(LoginOption.REQUIRED).setUsername(server.user().get()).setPassword(server.password().orElseThrow());
        } else {
            mail.setLogin(LoginOption.DISABLED);
        }
        return mail;
    }

    static MailMessage message(OutgoingEmail email) {
        MailMessage message = new MailMessage()
                .setFrom(email.from().formatted())
                .setTo(email.to().stream().map(Mailbox::formatted).toList())
                .setCc(email.cc().stream().map(Mailbox::formatted).toList())
                .setBcc(email.bcc().stream().map(Mailbox::formatted).toList())
                .setSubject(email.subject())
                .setText(email.text())
                .setHtml(email.html());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        headers.add("Message-ID", "<" + email.messageId() + ">");
        email.replyTo().ifPresent(r -> headers.add("Reply-To", r.formatted()));
        message.setHeaders(headers);
        message.setAttachment(email.attachments().stream().map(a -> MailAttachment.create()
                .setName(a.fileName()).setContentType(a.contentType()).setData(Buffer.buffer(a.content()))).toList());
        return message;
    }
}
