package dev.arrears.scheduling;

import static dev.arrears.scheduling.CycleFixture.invoice;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.cycle.EmailReminders;
import dev.arrears.application.email.CustomerEmailSetting;
import dev.arrears.application.email.CustomerEmailSettingsStore;
import dev.arrears.application.email.EmailTemplates;
import dev.arrears.application.email.LedgerInvoicePdfs;
import dev.arrears.application.email.MailTransport;
import dev.arrears.application.email.Mailbox;
import dev.arrears.application.email.Recipients;
import dev.arrears.application.email.SenderProfile;
import dev.arrears.application.email.SenderProfileStore;
import dev.arrears.application.email.SmtpSecurity;
import dev.arrears.application.email.SmtpServer;
import dev.arrears.application.email.UndeliverableAddresses;
import dev.arrears.connector.email.ScriptedSmtp;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.policy.ReminderChannel;
import dev.arrears.platform.metrics.OperationsMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reminders on the email channel, sent by the dispatcher to a real SMTP server (GreenMail on a free port). */
@QuarkusTest
class EmailChannelInDispatchTest extends CycleTestBase {

    private static final String TOKEN = "test-operator-token-not-a-secret-0001";
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
    @Inject
    UndeliverableAddresses undeliverable;
    @Inject
    OperationsMetrics metrics;
    @Inject
    MeterRegistry registry;

    private GreenMail greenMail;
    private final LedgerEmailSide side = new LedgerEmailSide();
    private final Map<String, Recipients> addresses = side.addresses;
    private final Map<String, String> payLinks = side.payLinks;
    private final Map<String, LedgerInvoicePdfs.Fetch> pdfs = side.pdfs;
    private final java.util.concurrent.atomic.AtomicInteger pdfsAsked = side.pdfsAsked;
    private RecordingLedger xero;
    private RecordingLedger quickBooks;
    private CycleFixture.Replica replica;

    @BeforeEach
    void mailServerAndReplica() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        xero = fx.ledger(LedgerProvider.XERO);
        quickBooks = fx.ledger(LedgerProvider.QUICKBOOKS);
        replica = fx.replica("email-1", emails(), xero, quickBooks);
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
        double emailedBefore = remindersGauge("EMAIL", "DONE");
        double ledgerBefore = remindersGauge("LEDGER", "DONE");

        replica.cycle().runDue();

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(decoded(received[0].getContent())).contains("Pay online: https://in.xero.com/pay/A?x=1&y=2")
                .contains("href=\"https://in.xero.com/pay/A?x=1&amp;y=2\"");
        assertThat(received[0].getSubject()).isEqualTo("Invoice INV-A is now overdue");
        assertThat(received[0].getMessageID()).matches("<arrears\\.[0-9a-f]{32}@acme\\.example>");
        // The Date header is when it was handed over (DemoEndToEndIT times emails on the server's side by it).
        assertThat(received[0].getSentDate()).isNotNull();
        assertThat(received[0].getHeader("Reply-To")[0]).contains("jo@firm.example");
        assertThat(GreenMailUtil.getBody(received[0])).contains("Customer C1").contains("text/html");
        OutboxEntry done = reminder(org, "A");
        assertThat(done.status()).isEqualTo(OutboxStatus.DONE);
        String messageId = received[0].getMessageID();
        assertThat(done.ledgerReference()).contains("email " + messageId + " to ap@c1.example");
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::kind).containsExactly("Note");
        // The operator's figures count the reminder under the channel that carried it.
        assertThat(remindersGauge("EMAIL", "DONE")).isEqualTo(emailedBefore + 1);
        assertThat(remindersGauge("LEDGER", "DONE")).isEqualTo(ledgerBefore);

        replica.dispatch().dispatchDue();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);

        // What the customer received, read back through the admin API (kept in the audit trail).
        given().when().get("/admin/organisations/" + org + "/emails").then().statusCode(401);
        given().auth().oauth2(TOKEN).when().get("/admin/organisations/" + org + "/emails?invoice=A")
                .then().statusCode(200).body("$", hasSize(1))
                .body("[0].outcome", equalTo("sent"))
                .body("[0].messageId", equalTo(messageId.replaceAll("^<|>$", "")))
                .body("[0].subject", equalTo("Invoice INV-A is now overdue"))
                .body("[0].stage", equalTo("Overdue notice"))
                .body("[0].invoiceNumber", equalTo("INV-A"))
                .body("[0].to", contains("ap@c1.example"))
                .body("[0].text", containsString("Pay online: https://in.xero.com/pay/A?x=1&y=2"))
                .body("[0].html", containsString("href=\"https://in.xero.com/pay/A?x=1&amp;y=2\""));
        given().auth().oauth2(TOKEN).when().get("/admin/organisations/" + org + "/emails?invoice=B")
                .then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(TOKEN).when().get("/admin/organisations/" + org + "/emails?limit=0")
                .then().statusCode(400);
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
    void a_customer_name_with_markup_from_the_ledger_is_escaped_in_the_html_and_kept_as_written_in_the_text() throws Exception {
        OrganisationId org = organisationSendingTo(greenMail.getSmtp().getPort());
        String name = "<script>alert('x')</script> & Co";
        xero.put(new InvoiceSnapshot(org.toString(), "A", "INV-A", "C1", name, SUNDAY.minusDays(30), Optional.of(SUNDAY),
                dev.arrears.domain.money.Money.of("1200.00", "GBP"), dev.arrears.domain.money.Money.of("1200.00", "GBP"),
                dev.arrears.domain.invoice.InvoiceStatus.OPEN, List.of(), false));
        addresses.put("C1", Recipients.fromLedger(List.of("ap@c1.example"), List.of(), List.of()));

        replica.cycle().runDue();

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) received[0].getContent();
        String text = null;
        String html = null;
        for (int i = 0; i < parts.getCount(); i++) {
            jakarta.mail.BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                text = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html")) {
                html = String.valueOf(part.getContent());
            }
        }
        assertThat(html).doesNotContain("<script>").contains("Dear &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co,");
        assertThat(text).contains("Dear " + name + ",");
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
            given().auth().oauth2(TOKEN).when().get("/admin/organisations/" + org + "/emails")
                    .then().statusCode(200).body("$", hasSize(1)).body("[0].outcome", equalTo("may-have-been-sent"))
                    .body("[0].text", containsString("INV-A"));
        }
    }

    @Test
    void a_recipient_refused_for_good_is_remembered_as_undeliverable_and_not_tried_again_until_an_accountant_acts() throws Exception {
        try (ScriptedSmtp refusing = new ScriptedSmtp(new ScriptedSmtp.Script(
                to -> "550 5.1.1 " + to + ": Recipient address rejected: User unknown", "250 Ok"))) {
            OrganisationId org = organisationSendingTo(refusing.port());
            // Two invoices of one customer due at once: whichever goes first meets the refusal, the other
            // finds the address remembered and asks no server.
            xero.put(invoice(org, "A", "C1", SUNDAY));
            xero.put(invoice(org, "B", "C1", SUNDAY));
            addresses.put("C1", Recipients.fromLedger(List.of("gone@c1.example"), List.of(), List.of()));

            replica.cycle().runDue();

            for (String invoice : List.of("A", "B")) {
                OutboxEntry waiting = reminder(org, invoice);
                assertThat(waiting.status()).isEqualTo(OutboxStatus.NEEDS_HUMAN);
                assertThat(waiting.statusReason()).hasValueSatisfying(r -> assertThat(r)
                        .startsWith("undeliverable address gone@c1.example for Customer C1").contains("550 5.1.1"));
            }
            assertThat(refusing.received).isEmpty();
            assertThat(refusing.recipientsAsked).as("the server was asked about the address once").hasSize(1);
            assertThat(undeliverable.of(org, "C1")).containsOnlyKeys("gone@c1.example");

            // An accountant sets the customer's address: the mark is gone, the address may be tried again.
            given().auth().oauth2(TOKEN).contentType("application/json").body("{\"to\": [\"ap@c1.example\"]}")
                    .when().put("/admin/organisations/" + org + "/customers/C1/email").then().statusCode(200);
            assertThat(undeliverable.of(org, "C1")).isEmpty();
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
        double emailedBefore = remindersGauge("EMAIL", "DONE");
        double ledgerBefore = remindersGauge("LEDGER", "DONE");

        replica.cycle().runDue();

        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::kind).containsExactly("Reminder");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(remindersGauge("LEDGER", "DONE")).isEqualTo(ledgerBefore + 1);
        assertThat(remindersGauge("EMAIL", "DONE")).isEqualTo(emailedBefore);
    }

    /**
     * Every stage of the default policy (config/policies/default.yaml), for a Xero and a QuickBooks invoice,
     * through the real dispatcher to GreenMail: the stage's subject and words in text and HTML, the pay link,
     * the PDF, a Message-ID derived from the action key, Reply-To.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "XERO       | friendly-heads-up | 2025-03-13 | Friendly reminder: invoice INV-A is due on 13 Mar 2025 | This is a friendly reminder that invoice INV-A",
            "QUICKBOOKS | friendly-heads-up | 2025-03-13 | Friendly reminder: invoice INV-A is due on 13 Mar 2025 | This is a friendly reminder that invoice INV-A",
            "XERO       | overdue-notice    | 2025-03-09 | Invoice INV-A is now overdue                           | is now 1 day(s) overdue",
            "QUICKBOOKS | overdue-notice    | 2025-03-09 | Invoice INV-A is now overdue                           | is now 1 day(s) overdue",
            "XERO       | firmer-reminder   | 2025-03-03 | Second reminder: invoice INV-A is 7 days overdue       | despite our earlier reminder",
            "QUICKBOOKS | firmer-reminder   | 2025-03-03 | Second reminder: invoice INV-A is 7 days overdue       | despite our earlier reminder",
            "XERO       | final-notice      | 2025-02-24 | Final notice: invoice INV-A for £1,200.00              | is still unpaid 14 days after its due date",
            "QUICKBOOKS | final-notice      | 2025-02-24 | Final notice: invoice INV-A for £1,200.00              | is still unpaid 14 days after its due date"})
    void each_default_stage_is_one_email_with_its_words_pay_link_pdf_message_id_and_reply_to(LedgerProvider provider, String stageKey,
                                                                                            LocalDate due, String subject, String words) throws Exception {
        OrganisationId org = organisationSendingTo(greenMail.getSmtp().getPort(), provider);
        RecordingLedger ledger = provider == LedgerProvider.XERO ? xero : quickBooks;
        ledger.put(invoice(org, "A", "C1", due));
        addresses.put("C1", Recipients.fromLedger(List.of("ap@c1.example"), List.of(), List.of()));
        payLinks.put("A", "https://pay.example/A?s=" + stageKey);
        pdfs.put("A", new LedgerInvoicePdfs.Fetched(PDF));

        replica.cycle().runDue();

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage email = received[0];
        assertThat(email.getSubject()).isEqualTo(subject);
        String key = org + ":A:stage:" + stageKey + ":reminder:0";
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(email.getMessageID()).isEqualTo("<arrears." + hash.substring(0, 32) + "@acme.example>");
        assertThat(email.getHeader("Reply-To")[0]).contains("jo@firm.example");
        assertThat(email.getAllRecipients()).extracting(Object::toString).containsExactly("ap@c1.example");
        String text = null;
        String html = null;
        jakarta.mail.BodyPart attachment = null;
        for (jakarta.mail.BodyPart part : leaves(email.getContent())) {
            if ("INV-A.pdf".equals(part.getFileName())) {
                attachment = part;
            } else if (part.isMimeType("text/plain")) {
                text = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html")) {
                html = String.valueOf(part.getContent());
            }
        }
        assertThat(text).startsWith("Dear Customer C1,").contains(words).contains("Pay online: https://pay.example/A?s=" + stageKey)
                .contains("The invoice is attached as INV-A.pdf.").contains("Jo Bookkeeper");
        assertThat(html).contains("<p>Dear Customer C1,</p>").contains(words)
                .contains("<a href=\"https://pay.example/A?s=" + stageKey + "\">Pay invoice INV-A online</a>")
                .contains("<p>The invoice is attached as INV-A.pdf.</p>");
        assertThat(attachment).as("the attachment INV-A.pdf").isNotNull();
        assertThat(attachment.isMimeType("application/pdf")).isTrue();
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(PDF);
        if (stageKey.equals("final-notice")) {
            // The fee the final notice announces is listed in it, and raised once with it, after it.
            assertThat(text).contains("£40.00 (late-fee, 10 Mar 2025)");
            assertThat(ledger.applied(org)).extracting(RecordingLedger.Applied::kind).containsOnlyOnce("LateFee");
        }
    }

    @Test
    void a_thank_you_note_is_an_email_of_its_own_once_the_chased_invoice_is_paid(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        CycleFixture.Replica thanking = fx.replica("email-thanks", ThankYouInCycleTest.thankingPolicy(dir), emails(), xero);
        OrganisationId org = organisationSendingTo(greenMail.getSmtp().getPort());
        InvoiceSnapshot open = invoice(org, "A", "C1", SUNDAY);
        xero.put(open);
        addresses.put("C1", Recipients.fromLedger(List.of("ap@c1.example"), List.of(), List.of()));
        thanking.cycle().runDue();

        xero.put(new InvoiceSnapshot(open.organisationId(), "A", "INV-A", "C1", "Customer C1", open.issueDate(), open.dueDate(),
                open.total(), dev.arrears.domain.money.Money.zero(open.currency()), dev.arrears.domain.invoice.InvoiceStatus.PAID,
                List.of(new dev.arrears.domain.invoice.PaymentApplied(SUNDAY.plusDays(2), open.total())), false));
        fx.clock.set(MONDAY.plus(java.time.Duration.ofDays(4)));   // Friday, inside the window and the gap
        thanking.cycle().runDue();
        fx.clock.set(MONDAY.plus(java.time.Duration.ofDays(5)));
        thanking.cycle().runDue();

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).extracting(MimeMessage::getSubject).containsExactly("Invoice INV-A is now overdue",
                "Thank you: invoice INV-A is paid");
        String thanks = decoded(received[1].getContent());
        assertThat(thanks).contains("Dear Customer C1,").contains("Thank you for paying invoice INV-A of 7 Feb 2025")
                .contains("<p>Kind regards,<br>Jo Bookkeeper<br>Acme Ltd").doesNotContain("Pay online").doesNotContain("bank transfer");
        assertThat(received[1].getMessageID()).isNotEqualTo(received[0].getMessageID());
        assertThat(fx.outbox(org)).filteredOn(e -> e.action().key().isThankYou()).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(OutboxStatus.DONE));
    }

    @Test
    void payment_plan_reminders_are_emailed_in_the_customers_language() throws Exception {
        OrganisationId org = organisationSendingTo(greenMail.getSmtp().getPort());
        xero.put(invoice(org, "A", "C1", LocalDate.of(2025, 3, 1)));
        xero.put(invoice(org, "B", "C2", LocalDate.of(2025, 3, 1)));
        addresses.put("C1", Recipients.fromLedger(List.of("ap@c1.example"), List.of(), List.of()));
        addresses.put("C2", Recipients.fromLedger(List.of("ap@c2.example"), List.of(), List.of()));
        payLinks.put("A", "https://pay.example/A");
        customers.save(org, "C1", new CustomerEmailSetting(Optional.empty(), List.of(), List.of(), Optional.of(Locale.GERMAN)));
        // C1's next instalment is due in two days (a courtesy reminder); C2's was due yesterday and is unpaid.
        fx.collections.agreePlan(org, "C1", List.of("A"), LocalDate.of(2025, 3, 3), List.of(
                new dev.arrears.domain.collections.Instalment(1, LocalDate.of(2025, 3, 12), dev.arrears.domain.money.Money.of("600.00", "GBP")),
                new dev.arrears.domain.collections.Instalment(2, LocalDate.of(2025, 4, 12), dev.arrears.domain.money.Money.of("600.00", "GBP"))), "jo");
        fx.collections.agreePlan(org, "C2", List.of("B"), LocalDate.of(2025, 3, 3), List.of(
                new dev.arrears.domain.collections.Instalment(1, LocalDate.of(2025, 3, 9), dev.arrears.domain.money.Money.of("600.00", "GBP")),
                new dev.arrears.domain.collections.Instalment(2, LocalDate.of(2025, 4, 9), dev.arrears.domain.money.Money.of("600.00", "GBP"))), "jo");

        replica.cycle().runDue();
        fx.clock.set(MONDAY.plusSeconds(3600));
        replica.cycle().runDue();

        List<MimeMessage> plan = java.util.Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().startsWith("Ratenzahlung") || m.getSubject().startsWith("Payment plan");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(plan).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "Ratenzahlung: Ihre nächste Rate für Rechnung INV-A wird bald fällig",
                "Payment plan: an instalment for invoice INV-B was missed");
        for (MimeMessage message : plan) {
            String body = decoded(message.getContent());
            if (message.getSubject().startsWith("Ratenzahlung")) {
                assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("ap@c1.example");
                assertThat(body).contains("die nächste Rate unserer vereinbarten Ratenzahlung für die Rechnung INV-A")
                        .contains("Online bezahlen: https://pay.example/A").contains("href=\"https://pay.example/A\"")
                        .contains("Mit freundlichen Grüßen");
            } else {
                assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("ap@c2.example");
                assertThat(body).contains("We have not received the instalment of our agreed payment plan for invoice INV-B")
                        .contains("£1,200.00 is still owed on invoice INV-B.").contains("Please pay by bank transfer quoting INV-B.");
            }
        }
        assertThat(fx.outbox(org)).filteredOn(e -> e.action().key().value().contains(":plan:")
                        && e.action() instanceof dev.arrears.domain.dunning.PlannedAction.SendReminder)
                .hasSize(2).allSatisfy(e -> assertThat(e.status()).isEqualTo(OutboxStatus.DONE));
    }

    /** The leaf parts of a message (text, HTML, attachments), however they are nested. */
    private static List<jakarta.mail.BodyPart> leaves(Object content) throws Exception {
        List<jakarta.mail.BodyPart> leaves = new java.util.ArrayList<>();
        if (content instanceof jakarta.mail.internet.MimeMultipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                jakarta.mail.BodyPart part = multi.getBodyPart(i);
                if (part.getContent() instanceof jakarta.mail.internet.MimeMultipart) {
                    leaves.addAll(leaves(part.getContent()));
                } else {
                    leaves.add(part);
                }
            }
        }
        return leaves;
    }

    /** The {@code arrears_actions} gauge for sent reminders on one channel, as the operator's scrape shows it. */
    private double remindersGauge(String channel, String status) {
        metrics.refresh();
        Gauge gauge = registry.find("arrears.actions").tags("kind", "SEND_REMINDER", "channel", channel, "status", status).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    /** The PDF as a ledger serves it: binary, a byte above 0x7F included. */
    private static final byte[] PDF = "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<< >>\nendobj\n%%EOF\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(LedgerProvider.class)
    void the_invoice_pdf_goes_with_the_email_and_its_text_says_so(LedgerProvider provider) throws Exception {
        OrganisationId org = organisationSendingTo(greenMail.getSmtp().getPort(), provider);
        (provider == LedgerProvider.XERO ? xero : quickBooks).put(invoice(org, "A", "C1", SUNDAY));
        addresses.put("C1", Recipients.fromLedger(List.of("ap@c1.example"), List.of(), List.of()));
        payLinks.put("A", "https://pay.example/A");
        pdfs.put("A", new LedgerInvoicePdfs.Fetched(PDF));

        replica.cycle().runDue();

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Invoice INV-A is now overdue");
        assertThat(received[0].getHeader("Reply-To")[0]).contains("jo@firm.example");
        jakarta.mail.internet.MimeMultipart mixed = (jakarta.mail.internet.MimeMultipart) received[0].getContent();
        jakarta.mail.BodyPart attachment = null;
        for (int i = 0; i < mixed.getCount(); i++) {
            if ("INV-A.pdf".equals(mixed.getBodyPart(i).getFileName())) {
                attachment = mixed.getBodyPart(i);
            }
        }
        assertThat(attachment).as("the attachment INV-A.pdf").isNotNull();
        assertThat(attachment.isMimeType("application/pdf")).isTrue();
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(PDF);
        assertThat(decoded(mixed)).contains("The invoice is attached as INV-A.pdf.").contains("Pay online: https://pay.example/A")
                .contains("<p>The invoice is attached as INV-A.pdf.</p>");
        assertThat(reminder(org, "A").status()).isEqualTo(OutboxStatus.DONE);
        given().auth().oauth2(TOKEN).when().get("/admin/organisations/" + org + "/emails")
                .then().statusCode(200).body("[0].attachments", contains("INV-A.pdf"));
    }

    @Test
    void a_pdf_that_cannot_be_fetched_or_is_too_large_leaves_the_email_going_once_without_it() throws Exception {
        OrganisationId org = organisationSendingTo(greenMail.getSmtp().getPort());
        xero.put(invoice(org, "A", "C1", SUNDAY));
        xero.put(invoice(org, "B", "C2", SUNDAY));
        addresses.put("C1", Recipients.fromLedger(List.of("ap@c1.example"), List.of(), List.of()));
        addresses.put("C2", Recipients.fromLedger(List.of("ap@c2.example"), List.of(), List.of()));
        pdfs.put("A", new LedgerInvoicePdfs.Fetched(new byte[0]));    // the fake ledger throws
        pdfs.put("B", new LedgerInvoicePdfs.Fetched(java.util.Arrays.copyOf(PDF, 100)));   // over this test's limit of 64 bytes

        replica.cycle().runDue();
        fx.clock.set(MONDAY.plusSeconds(3600));
        replica.dispatch().dispatchDue();

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2);
        for (MimeMessage message : received) {
            assertThat(decoded(message.getContent())).doesNotContain("attached");
        }
        assertThat(reminder(org, "A").status()).isEqualTo(OutboxStatus.DONE);
        assertThat(reminder(org, "B").status()).isEqualTo(OutboxStatus.DONE);
        assertThat(pdfsAsked).hasValue(2);
        assertThat(fx.audit.byInvoice(new dev.arrears.application.InvoiceRef(org, "A"), 50))
                .anySatisfy(r -> assertThat(String.valueOf(r.event().detail().get("invoicePdf"))).contains("not attached")
                        .contains("blew up"));
        assertThat(fx.audit.byInvoice(new dev.arrears.application.InvoiceRef(org, "B"), 50))
                .anySatisfy(r -> assertThat(String.valueOf(r.event().detail().get("invoicePdf"))).contains("has 100 bytes, over the limit of 64"));
    }

    private OrganisationId organisationSendingTo(int port) {
        return organisationSendingTo(port, LedgerProvider.XERO);
    }

    private OrganisationId organisationSendingTo(int port, LedgerProvider provider) {
        OrganisationId org = fx.liveOrganisation("Acme Ltd", provider);
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

    /** The ledger's side of an email (addresses, pay link, PDF) for both ledgers, from this test's maps. */
    private EmailReminders emails() {
        return side.reminders(fx, profiles, customers, templates, smtp, undeliverable, 64);
    }
}
