package dev.arrears.scheduling;

import static dev.arrears.scheduling.CycleFixture.invoice;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.console.ConsoleAccess;
import dev.arrears.application.console.ConsoleRole;
import dev.arrears.application.console.ConsoleUser;
import dev.arrears.application.console.TaskBoard;
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
import dev.arrears.domain.policy.ReminderChannel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A customer with several invoices being chased in one run gets one statement email listing them all
 * (GreenMail on a free port), and every reminder it covers is settled by that one message.
 */
@QuarkusTest
class StatementEmailInDispatchTest extends CycleTestBase {

    private static final String TOKEN = "test-operator-token-not-a-secret-0001";
    private static final Instant MONDAY = Instant.parse("2025-03-10T10:00:00Z");   // 10:00 in London
    private static final LocalDate SUNDAY = LocalDate.of(2025, 3, 9);              // due: the overdue notice is due Monday
    private static final LocalDate A_WEEK_EARLIER = SUNDAY.minusDays(7);           // the firmer reminder is due Monday
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<< >>\nendobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

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
    TaskBoard taskBoard;

    private GreenMail greenMail;
    private final LedgerEmailSide side = new LedgerEmailSide();
    private RecordingLedger xero;
    private RecordingLedger quickBooks;
    private CycleFixture.Replica replica;

    @BeforeEach
    void mailServerAndReplica() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        xero = fx.ledger(LedgerProvider.XERO);
        quickBooks = fx.ledger(LedgerProvider.QUICKBOOKS);
        replica = fx.replica("statement-1", side.reminders(fx, profiles, customers, templates, smtp, undeliverable, 1000), xero, quickBooks);
        fx.clock.set(MONDAY);
    }

    @AfterEach
    void stopMailServer() {
        greenMail.stop();
    }

    @ParameterizedTest
    @EnumSource(LedgerProvider.class)
    void three_invoices_of_one_customer_go_as_one_statement_that_settles_all_three_reminders(LedgerProvider provider) throws Exception {
        OrganisationId org = organisationSendingTo(greenMail.getSmtp().getPort(), provider);
        RecordingLedger ledger = provider == LedgerProvider.XERO ? xero : quickBooks;
        ledger.put(invoice(org, "A", "C1", SUNDAY));
        ledger.put(invoice(org, "B", "C1", A_WEEK_EARLIER));
        ledger.put(invoice(org, "C", "C1", SUNDAY));
        ledger.put(invoice(org, "D", "C2", SUNDAY));   // another customer, one invoice: its own email, as ever
        side.addresses.put("C1", Recipients.fromLedger(List.of("ap@c1.example"), List.of(), List.of()));
        side.addresses.put("C2", Recipients.fromLedger(List.of("ap@c2.example"), List.of(), List.of()));
        for (String id : List.of("A", "B", "C")) {
            side.payLinks.put(id, "https://pay.example/" + id + "?a=1&b=2");
            side.pdfs.put(id, new LedgerInvoicePdfs.Fetched(PDF));
        }

        replica.cycle().runDue();

        MimeMessage statement = only(greenMail.getReceivedMessages(), "ap@c1.example");
        // The firmest stage among them (B's firmer reminder) words it; the total is in the invoices' currency.
        assertThat(statement.getSubject()).isEqualTo("Second reminder: 3 invoices, £3,600.00 overdue");
        Parts parts = parts(statement);
        assertThat(parts.text()).contains("Invoice INV-B", "Invoice INV-A", "Invoice INV-C", "8 days overdue", "£1,200.00",
                "Pay online: https://pay.example/A?a=1&b=2", "Pay online: https://pay.example/B?a=1&b=2",
                "Pay online: https://pay.example/C?a=1&b=2", "Total due in GBP: £3,600.00");
        assertThat(parts.text().indexOf("INV-B")).isLessThan(parts.text().indexOf("INV-A"));
        assertThat(parts.html()).contains("<td>INV-A</td>", "<td>INV-B</td>", "<td>INV-C</td>",
                "href=\"https://pay.example/C?a=1&amp;b=2\"", "£3,600.00");
        assertThat(parts.attachments()).containsExactly("INV-B.pdf", "INV-A.pdf", "INV-C.pdf");
        String messageId = statement.getMessageID();
        assertThat(messageId).matches("<arrears\\.[0-9a-f]{32}@acme\\.example>");

        for (String id : List.of("A", "B", "C")) {
            OutboxEntry done = reminder(org, id);
            assertThat(done.status()).as("reminder of %s", id).isEqualTo(OutboxStatus.DONE);
            assertThat(done.ledgerReference()).hasValue("email " + messageId + " to ap@c1.example");
        }
        // The ledger keeps the trace on each invoice: the statement's subject and text in its note.
        List<RecordingLedger.Applied> notes = ledger.applied(org).stream().filter(a -> a.kind().equals("Note")).toList();
        assertThat(notes).extracting(RecordingLedger.Applied::invoiceId).containsExactlyInAnyOrder("A", "B", "C", "D");
        assertThat(ledger.applied(org)).extracting(RecordingLedger.Applied::kind).doesNotContain("Reminder");
        // The other customer's single invoice: today's email, unchanged.
        assertThat(only(greenMail.getReceivedMessages(), "ap@c2.example").getSubject()).isEqualTo("Invoice INV-D is now overdue");
        assertThat(reminder(org, "D").ledgerReference()).hasValueSatisfying(r -> assertThat(r).doesNotContain(messageId));
        // One contact for the send rules: the three reminders share one moment in the contact history.
        assertThat(fx.rows("select count(*), count(distinct contacted_at) from contact_record where organisation_id = ? "
                + "and customer_id = 'C1'", org.value())).containsExactly(List.of(3L, 1L));

        fx.clock.set(MONDAY.plusSeconds(3600));
        replica.dispatch().dispatchDue();
        assertThat(greenMail.getReceivedMessages()).hasSize(2);

        // Read back once, not once per invoice; each invoice's emails still show it.
        given().auth().oauth2(TOKEN).when().get("/admin/organisations/" + org + "/emails")
                .then().statusCode(200).body("$", hasSize(2));
        given().auth().oauth2(TOKEN).when().get("/admin/organisations/" + org + "/emails?invoice=C")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].messageId", equalTo(messageId.replaceAll("^<|>$", "")));
    }

    @Test
    void an_answer_lost_after_the_statement_was_handed_over_leaves_all_three_in_doubt_with_one_task_and_nothing_is_resent()
            throws Exception {
        try (ScriptedSmtp silent = new ScriptedSmtp(new ScriptedSmtp.Script(to -> "250 Ok", null))) {
            OrganisationId org = organisationSendingTo(silent.port(), LedgerProvider.XERO);
            for (String id : List.of("A", "B", "C")) {
                xero.put(invoice(org, id, "C1", SUNDAY));
            }
            side.addresses.put("C1", Recipients.fromLedger(List.of("ap@c1.example"), List.of(), List.of()));

            replica.cycle().runDue();
            fx.clock.set(MONDAY.plus(java.time.Duration.ofDays(1)));
            replica.cycle().runDue();
            replica.dispatch().dispatchDue();

            assertThat(silent.received).as("handed over once, never again").hasSize(1);
            assertThat(silent.received.getFirst()).contains("INV-A", "INV-B", "INV-C");
            List<String> reasons = new ArrayList<>();
            for (String id : List.of("A", "B", "C")) {
                OutboxEntry waiting = reminder(org, id);
                assertThat(waiting.status()).as("reminder of %s", id).isEqualTo(OutboxStatus.NEEDS_HUMAN);
                reasons.add(waiting.statusReason().orElseThrow());
            }
            assertThat(reasons.getFirst()).startsWith("may have been sent");
            assertThat(reasons.subList(1, 3)).allSatisfy(r -> assertThat(r).startsWith("covered by the task on INV-A"));
            // One task for a person, with the message.
            given().auth().oauth2(TOKEN).when().get("/admin/organisations/" + org + "/emails")
                    .then().statusCode(200).body("$", hasSize(1)).body("[0].outcome", equalTo("may-have-been-sent"));
            assertThat(xero.applied(org)).isEmpty();

            // The person's queue has one task, the first reminder's; closing it closes the two that waited with it.
            ConsoleAccess admin = new ConsoleAccess(new ConsoleUser(UUID.randomUUID(), "admin", "Admin", ConsoleRole.FIRM_ADMIN,
                    false), Set.of());
            List<TaskBoard.Task> tasks = taskBoard.open(admin).stream().filter(t -> t.organisationId().equals(org)).toList();
            assertThat(tasks).singleElement().satisfies(t -> {
                assertThat(t.invoiceNumber()).hasValue("INV-A");
                assertThat(t.what()).startsWith("may have been sent");
            });
            taskBoard.close(admin, org, tasks.getFirst().actionId().orElseThrow(), "C1",
                    new TaskBoard.Outcome.Resolved("the customer has it"));
            for (String id : List.of("A", "B", "C")) {
                assertThat(reminder(org, id).status()).as("reminder of %s", id).isEqualTo(OutboxStatus.DONE);
            }
            assertThat(silent.received).hasSize(1);
        }
    }

    private OrganisationId organisationSendingTo(int port, LedgerProvider provider) {
        OrganisationId org = fx.liveOrganisation("Acme Ltd", provider);
        profiles.save(org, new SenderProfile(ReminderChannel.EMAIL, Mailbox.parse("Acme Accounts <accounts@acme.example>"),
                Optional.of(Mailbox.parse("Jo Bookkeeper <jo@firm.example>")), List.of(), List.of(), Optional.empty(),
                Optional.of(new SmtpServer("127.0.0.1", port, SmtpSecurity.NONE, Optional.empty(), Optional.empty())),
                Locale.ENGLISH));
        return org;
    }

    private OutboxEntry reminder(OrganisationId org, String invoiceId) {
        return fx.outbox(org).stream().filter(e -> e.action().key().value().startsWith(org + ":" + invoiceId + ":stage:"))
                .filter(e -> e.action().key().value().contains(":reminder:")).findFirst().orElseThrow();
    }

    private static MimeMessage only(MimeMessage[] received, String to) throws Exception {
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage message : received) {
            if (String.join(",", message.getHeader("To")).contains(to)) {
                mine.add(message);
            }
        }
        assertThat(mine).as("emails to %s", to).hasSize(1);
        return mine.getFirst();
    }

    private record Parts(String text, String html, List<String> attachments) {
    }

    private static Parts parts(MimeMessage message) throws Exception {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        List<String> attachments = new ArrayList<>();
        collect(message.getContent(), text, html, attachments);
        return new Parts(text.toString(), html.toString(), attachments);
    }

    private static void collect(Object content, StringBuilder text, StringBuilder html, List<String> attachments) throws Exception {
        if (!(content instanceof MimeMultipart multi)) {
            return;
        }
        for (int i = 0; i < multi.getCount(); i++) {
            BodyPart part = multi.getBodyPart(i);
            if (part.getFileName() != null) {
                attachments.add(part.getFileName());
            } else if (part.isMimeType("text/plain")) {
                text.append(part.getContent());
            } else if (part.isMimeType("text/html")) {
                html.append(part.getContent());
            } else {
                collect(part.getContent(), text, html, attachments);
            }
        }
    }
}
