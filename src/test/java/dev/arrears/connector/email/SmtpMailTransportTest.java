package dev.arrears.connector.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.arrears.application.email.Mailbox;
import dev.arrears.application.email.OutgoingEmail;
import dev.arrears.application.email.SendOutcome;
import dev.arrears.application.email.SenderProfile;
import dev.arrears.application.email.SmtpSecurity;
import dev.arrears.application.email.SmtpServer;
import dev.arrears.domain.policy.ReminderChannel;
import io.vertx.core.Vertx;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SMTP transport against real servers: GreenMail, and a scripted one for the answers GreenMail does not give. */
class SmtpMailTransportTest {

    private static Vertx vertx;
    private static GreenMail greenMail;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    @AfterAll
    static void stop() {
        greenMail.stop();
        vertx.close();
    }

    @Test
    void an_email_arrives_with_its_message_id_reply_to_copies_parts_and_attachment() throws Exception {
        OutgoingEmail email = email("a1b2c3.reminder@arrears.example", List.of(Mailbox.of("ap@customer.example")),
                List.of(new OutgoingEmail.Attachment("INV-7.pdf", "application/pdf", "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII))));

        SendOutcome outcome = transport(Duration.ofSeconds(30)).send(profile(greenMail.getSmtp().getPort()), email);

        assertThat(outcome).isEqualTo(new SendOutcome.Sent("a1b2c3.reminder@arrears.example"));
        // One message, delivered to each mailbox: the addressee and the copy.
        MimeMessage[] received = greenMail.getReceivedMessagesForDomain("customer.example");
        assertThat(received).hasSize(2);
        assertThat(received[1].getMessageID()).isEqualTo(received[0].getMessageID());
        MimeMessage message = received[0];
        assertThat(message.getMessageID()).isEqualTo("<a1b2c3.reminder@arrears.example>");
        assertThat(message.getSubject()).isEqualTo("Invoice INV-7 is now overdue");
        assertThat(message.getHeader("Reply-To")[0]).contains("jo@firm.example");
        assertThat(message.getHeader("Cc")[0]).contains("books@customer.example");
        String body = GreenMailUtil.getBody(message);
        assertThat(body).contains("text/plain").contains("text/html").contains("INV-7.pdf");
        assertThat(((MimeMultipart) message.getContent()).getCount()).isEqualTo(2);
    }

    @Test
    void a_recipient_refused_for_good_is_undeliverable_and_nothing_is_sent() throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp(new ScriptedSmtp.Script(
                to -> to.contains("gone@customer.example") ? "550 5.1.1 <gone@customer.example>: Recipient address rejected: User unknown" : "250 2.1.5 Ok",
                "250 2.0.0 Ok: queued"))) {
            SendOutcome outcome = transport(Duration.ofSeconds(30)).send(profile(server.port()),
                    email("k1@arrears.example", List.of(Mailbox.of("gone@customer.example")), List.of()));

            assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Undeliverable.class, u -> {
                assertThat(u.addresses()).containsExactly("gone@customer.example");
                assertThat(u.reason()).contains("User unknown");
            });
            assertThat(server.received).isEmpty();
        }
    }

    @Test
    void a_temporary_refusal_may_be_tried_again() throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp(new ScriptedSmtp.Script(to -> "451 4.7.1 Greylisted, try again later",
                "250 Ok"))) {
            SendOutcome outcome = transport(Duration.ofSeconds(30)).send(profile(server.port()),
                    email("k2@arrears.example", List.of(Mailbox.of("ap@customer.example")), List.of()));

            assertThat(outcome).isInstanceOfSatisfying(SendOutcome.TryLater.class, t -> assertThat(t.reason()).contains("451"));
        }
    }

    @Test
    void an_answer_lost_after_the_message_was_handed_over_is_in_doubt() throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp(new ScriptedSmtp.Script(to -> "250 Ok", null))) {
            SendOutcome outcome = transport(Duration.ofSeconds(30)).send(profile(server.port()),
                    email("k3@arrears.example", List.of(Mailbox.of("ap@customer.example")), List.of()));

            assertThat(outcome).isInstanceOf(SendOutcome.InDoubt.class);
            assertThat(server.received).hasSize(1);
        }
    }

    @Test
    void no_server_listening_means_nothing_was_handed_over() throws Exception {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        SendOutcome outcome = transport(Duration.ofSeconds(30)).send(profile(closedPort),
                email("k4@arrears.example", List.of(Mailbox.of("ap@customer.example")), List.of()));
        assertThat(outcome).isInstanceOf(SendOutcome.TryLater.class);
    }

    private static SmtpMailTransport transport(Duration timeout) {
        return new SmtpMailTransport(vertx, new EmailConfig() {
            @Override
            public Smtp smtp() {
                return new Smtp() {
                    @Override
                    public Optional<String> host() {
                        return Optional.empty();
                    }

                    @Override
                    public int port() {
                        return 587;
                    }

                    @Override
                    public String security() {
                        return "STARTTLS";
                    }

                    @Override
                    public Optional<String> user() {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<String> password() {
                        return Optional.empty();
                    }
                };
            }

            @Override
            public int attachmentMaxBytes() {
                return 5_242_880;
            }

            @Override
            public Duration sendTimeout() {
                return timeout;
            }
        });
    }

    private static SenderProfile profile(int port) {
        return new SenderProfile(ReminderChannel.EMAIL, Mailbox.parse("Acme Accounts <accounts@acme.example>"), Optional.empty(),
                List.of(), List.of(), Optional.empty(),
                Optional.of(new SmtpServer("127.0.0.1", port, SmtpSecurity.NONE, Optional.empty(), Optional.empty())), Locale.ENGLISH);
    }

    private static OutgoingEmail email(String messageId, List<Mailbox> to, List<OutgoingEmail.Attachment> attachments) {
        return new OutgoingEmail(messageId, Mailbox.parse("Acme Accounts <accounts@acme.example>"),
                Optional.of(Mailbox.of("jo@firm.example")), to, List.of(Mailbox.of("books@customer.example")), List.of(),
                "Invoice INV-7 is now overdue", "Dear customer,\nplease pay.", "<p>Dear customer,</p><p>please pay.</p>", attachments);
    }
}
