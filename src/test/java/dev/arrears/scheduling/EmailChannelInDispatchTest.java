package dev.arrears.scheduling;

import static dev.arrears.scheduling.CycleFixture.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.cycle.EmailReminders;
import dev.arrears.application.email.AddressReading;
import dev.arrears.application.email.CustomerEmailSetting;
import dev.arrears.application.email.CustomerEmailSettingsStore;
import dev.arrears.application.email.EmailTemplates;
import dev.arrears.application.email.LedgerAddressBook;
import dev.arrears.application.email.LedgerPayLinks;
import dev.arrears.application.email.MailTransport;
import dev.arrears.application.email.Mailbox;
import dev.arrears.application.email.Recipients;
import dev.arrears.application.email.SenderProfile;
import dev.arrears.application.email.SenderProfileStore;
import dev.arrears.application.email.SmtpSecurity;
import dev.arrears.application.email.SmtpServer;
import dev.arrears.connector.email.ScriptedSmtp;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.policy.ReminderChannel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reminders on the email channel, sent by the dispatcher to a real SMTP server (GreenMail on a free port). */
@QuarkusTest
class EmailChannelInDispatchTest extends CycleTestBase {

    private static final Instant MONDAY = Instant.parse("2025-03-10T10:00:00Z");   // 10:00 in London
    private static final LocalDate SUNDAY = LocalDate.of(2025, 3, 9);              // due: the overdue notice is due Monday

    @Inject
    SenderProfileStore profiles;
    @Inject
    CustomerEmailSettingsStore customers;
    @Inject
    EmailTemplates templates;
    @Inject
    MailTransport smtp;

    private GreenMail greenMail;
    private final Map<String, Recipients> addresses = new ConcurrentHashMap<>();
    private final Map<String, String> payLinks = new ConcurrentHashMap<>();
    private RecordingLedger xero;
    private CycleFixture.Replica replica;

    @BeforeEach
    void mailServerAndReplica() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        xero = fx.ledger(LedgerProvider.XERO);
        replica = fx.replica("email-1", emails(), xero);
        fx.clock.set(MONDAY);
    }

    @AfterEach
    void stopMailServer() {
        greenMail.stop();
    }

    @Test
    void an_overdue_reminder_is_one_email_worded_for_its_stage_and_the_ledger_gets_a_note_not_its_own_email() throws Exception {
        OrganisationId org = organisationSendingTo(greenMail.getSmtp().getPort());
        xero.put(invoice(org, "A", "C1", SUNDAY));
        addresses.put("C1", Recipients.fromLedger(List.of("ap@c1.example"), List.of(), List.of()));
        payLinks.put("A", "https://in.xero.com/pay/A?x=1&y=2");

        replica.cycle().runDue();

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(decoded(received[0].getContent())).contains("Pay online: https://in.xero.com/pay/A?x=1&y=2")
                .contains("href=\"https://in.xero.com/pay/A?x=1&amp;y=2\"");
        assertThat(received[0].getSubject()).isEqualTo("Invoice INV-A is now overdue");
        assertThat(received[0].getMessageID()).matches("<arrears\\.[0-9a-f]{32}@acme\\.example>");
        assertThat(received[0].getHeader("Reply-To")[0]).contains("jo@firm.example");
        assertThat(GreenMailUtil.getBody(received[0])).contains("Customer C1").contains("text/html");
        OutboxEntry done = reminder(org, "A");
        assertThat(done.status()).isEqualTo(OutboxStatus.DONE);
        String messageId = received[0].getMessageID();
        assertThat(done.ledgerReference()).contains("email " + messageId + " to ap@c1.example");
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::kind).containsExactly("Note");

        replica.dispatch().dispatchDue();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void a_customer_in_german_gets_the_german_email() throws Exception {
        OrganisationId org = organisationSendingTo(greenMail.getSmtp().getPort());
        xero.put(invoice(org, "A", "C1", SUNDAY));
        addresses.put("C1", Recipients.fromLedger(List.of("ap@c1.example"), List.of(), List.of()));
        customers.save(org, "C1", new CustomerEmailSetting(Optional.empty(), List.of(), List.of(), Optional.of(Locale.GERMAN)));

        replica.cycle().runDue();

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Rechnung INV-A ist überfällig");
        // No pay link from the ledger: the template's own wording for that case, and the email still goes.
        assertThat(decoded(received[0].getContent())).contains("Bitte überweisen").doesNotContain("Online bezahlen");
    }

    @Test
    void a_customer_without_an_address_waits_for_a_person_and_nothing_is_sent() {
        OrganisationId org = organisationSendingTo(greenMail.getSmtp().getPort());
        xero.put(invoice(org, "A", "C1", SUNDAY));

        replica.cycle().runDue();

        OutboxEntry waiting = reminder(org, "A");
        assertThat(waiting.status()).isEqualTo(OutboxStatus.NEEDS_HUMAN);
        assertThat(waiting.statusReason()).hasValueSatisfying(r -> assertThat(r).startsWith("no email address for Customer C1"));
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void an_answer_lost_after_the_hand_over_is_never_sent_again_and_waits_for_a_person() throws Exception {
        try (ScriptedSmtp silent = new ScriptedSmtp(new ScriptedSmtp.Script(to -> "250 Ok", null))) {
            OrganisationId org = organisationSendingTo(silent.port());
            xero.put(invoice(org, "A", "C1", SUNDAY));
            addresses.put("C1", Recipients.fromLedger(List.of("ap@c1.example"), List.of(), List.of()));

            replica.cycle().runDue();
            fx.clock.set(MONDAY.plusSeconds(3600));
            replica.dispatch().dispatchDue();

            OutboxEntry waiting = reminder(org, "A");
            assertThat(waiting.status()).isEqualTo(OutboxStatus.NEEDS_HUMAN);
            assertThat(waiting.statusReason()).hasValueSatisfying(r -> assertThat(r).startsWith("may have been sent"));
            assertThat(silent.received).hasSize(1);
            assertThat(xero.applied(org)).isEmpty();
        }
    }

    @Test
    void a_recipient_refused_for_good_is_an_undeliverable_address_for_a_person() throws Exception {
        try (ScriptedSmtp refusing = new ScriptedSmtp(new ScriptedSmtp.Script(
                to -> "550 5.1.1 " + to + ": Recipient address rejected: User unknown", "250 Ok"))) {
            OrganisationId org = organisationSendingTo(refusing.port());
            xero.put(invoice(org, "A", "C1", SUNDAY));
            addresses.put("C1", Recipients.fromLedger(List.of("gone@c1.example"), List.of(), List.of()));

            replica.cycle().runDue();

            OutboxEntry waiting = reminder(org, "A");
            assertThat(waiting.status()).isEqualTo(OutboxStatus.NEEDS_HUMAN);
            assertThat(waiting.statusReason()).hasValueSatisfying(r -> assertThat(r)
                    .startsWith("undeliverable address gone@c1.example for Customer C1"));
            assertThat(refusing.received).isEmpty();
        }
    }

    @Test
    void a_paid_invoice_gets_no_email() {
        OrganisationId org = organisationSendingTo(greenMail.getSmtp().getPort());
        xero.put(invoice(org, "A", "C1", SUNDAY));
        addresses.put("C1", Recipients.fromLedger(List.of("ap@c1.example"), List.of(), List.of()));
        xero.beforeReread(id -> xero.pay(org, "A"));

        replica.cycle().runDue();

        assertThat(reminder(org, "A").status()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void an_organisation_on_the_ledger_channel_keeps_the_ledgers_own_email() {
        OrganisationId org = fx.liveOrganisation("Ledger Ltd", LedgerProvider.XERO);
        profiles.save(org, profile(ReminderChannel.LEDGER, greenMail.getSmtp().getPort()));
        xero.put(invoice(org, "A", "C1", SUNDAY));

        replica.cycle().runDue();

        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::kind).containsExactly("Reminder");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    private OrganisationId organisationSendingTo(int port) {
        OrganisationId org = fx.liveOrganisation("Acme Ltd", LedgerProvider.XERO);
        profiles.save(org, profile(ReminderChannel.EMAIL, port));
        return org;
    }

    private static SenderProfile profile(ReminderChannel channel, int port) {
        return new SenderProfile(channel, Mailbox.parse("Acme Accounts <accounts@acme.example>"),
                Optional.of(Mailbox.parse("Jo Bookkeeper <jo@firm.example>")), List.of(), List.of(), Optional.empty(),
                Optional.of(new SmtpServer("127.0.0.1", port, SmtpSecurity.NONE, Optional.empty(), Optional.empty())), Locale.ENGLISH);
    }

    /** The decoded text of every part (plain text, HTML), as a mail reader shows them. */
    private static String decoded(Object content) throws Exception {
        if (content instanceof jakarta.mail.internet.MimeMultipart multi) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multi.getCount(); i++) {
                all.append(decoded(multi.getBodyPart(i).getContent())).append('\n');
            }
            return all.toString();
        }
        return String.valueOf(content);
    }

    private OutboxEntry reminder(OrganisationId org, String invoiceId) {
        return fx.outbox(org).stream().filter(e -> e.action().key().value().equals(org + ":" + invoiceId + ":stage:overdue-notice:reminder:0"))
                .findFirst().orElseThrow();
    }

    private EmailReminders emails() {
        LedgerAddressBook book = new LedgerAddressBook() {
            @Override
            public LedgerProvider provider() {
                return LedgerProvider.XERO;
            }

            @Override
            public AddressReading read(OrganisationId organisation, InvoiceSnapshot invoice) {
                return new AddressReading.Found(addresses.getOrDefault(invoice.customerId(), Recipients.NONE));
            }
        };
        LedgerPayLinks links = new LedgerPayLinks() {
            @Override
            public LedgerProvider provider() {
                return LedgerProvider.XERO;
            }

            @Override
            public Optional<String> payLink(OrganisationId organisation, InvoiceSnapshot invoice) {
                return Optional.ofNullable(payLinks.get(invoice.invoiceId()));
            }
        };
        return new EmailReminders(fx.clock, profiles, customers, fx.effectivePolicies, fx.connections, fx.states, templates, List.of(book),
                List.of(links), List.of(smtp));
    }
}
