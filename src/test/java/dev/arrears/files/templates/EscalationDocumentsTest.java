package dev.arrears.files.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arrears.application.escalation.CaseFileRequest;
import dev.arrears.application.escalation.DemandLetter;
import dev.arrears.application.escalation.DemandLetterRequest;
import dev.arrears.application.escalation.EscalationDocuments;
import dev.arrears.application.escalation.FeeCharged;
import dev.arrears.application.escalation.HandOff;
import dev.arrears.application.escalation.Party;
import dev.arrears.application.escalation.RecordedContact;
import dev.arrears.application.escalation.ReminderMessage;
import dev.arrears.application.escalation.RenderedDemandLetter;
import dev.arrears.domain.collections.Dispute;
import dev.arrears.domain.collections.DisputeOutcome;
import dev.arrears.domain.collections.DisputeResolution;
import dev.arrears.domain.collections.Instalment;
import dev.arrears.domain.collections.PaymentPlan;
import dev.arrears.domain.collections.PlanStanding;
import dev.arrears.domain.collections.PromiseToPay;
import dev.arrears.domain.contact.ContactChannel;
import dev.arrears.domain.contact.ContactRecord;
import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.FeeApplication;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.invoice.PaymentApplied;
import dev.arrears.domain.money.Money;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped templates in config/templates, rendered with fixed dates and hand-checked sums. */
class EscalationDocumentsTest {

    private static final String ORG = "6f0c3c1e-6d0b-4f57-9a39-0b1a2c3d4e5f";
    private static final LocalDate LETTER_DATE = LocalDate.of(2026, 12, 24);
    private static final String INTEREST_TEXT =
            "12.00% a year on 1200.00 GBP for 14 days, 2026-12-11 to 2026-12-24, /365 = 5.52 GBP (rounded HALF_UP)";

    @TempDir
    Path dir;

    private final QuteDocumentRenderer renderer = new QuteDocumentRenderer(TemplateDirectory.at(Path.of("config/templates")));
    private final EscalationDocuments documents = new EscalationDocuments(renderer);

    private final InvoiceSnapshot acme1 = invoice("inv-1", "INV-1001", "C-ACME", "2026-11-10", "2026-12-10", "1200.00", "1200.00", "GBP");
    private final InvoiceSnapshot acme2 = invoice("inv-2", "INV-1002", "C-ACME", "2026-11-01", "2026-12-01", "800.00", "300.00", "GBP");
    private final InvoiceSnapshot acmePaid = invoice("inv-3", "INV-1003", "C-ACME", "2026-11-01", "2026-12-01", "99.00", "0.00", "GBP");
    private final List<FeeCharged> fees = List.of(
            new FeeCharged("inv-1", new FeeApplication("late-fee", 1, LETTER_DATE, LETTER_DATE, Money.of("40.00", "GBP"), "fixed fee 40.00 GBP", false)),
            new FeeCharged("inv-1", new FeeApplication("interest", 1, LocalDate.of(2026, 12, 11), LETTER_DATE, Money.of("5.52", "GBP"), INTEREST_TEXT, false)),
            new FeeCharged("other", new FeeApplication("late-fee", 1, LETTER_DATE, LETTER_DATE, Money.of("40.00", "GBP"), "not this customer's", false)));

    @Test
    void demandLetterHasTheSumTheBreakdownTheFeesWithTheirComputationAndTheDeadline() {
        List<RenderedDemandLetter> letters = documents.demandLetters(new DemandLetterRequest("Northwind Accounting Ltd",
                List.of(acme1, acme2, acmePaid), fees, LETTER_DATE, 7,
                "After that date we will pass the debt to our collection agency without further notice."));

        assertThat(letters).hasSize(1);
        DemandLetter letter = letters.getFirst().letter();
        // 1200.00 + 300.00 owed (the paid invoice is left out); fees 40.00 + 5.52; the other customer's fee is not ours.
        assertThat(letter.principal()).isEqualTo(Money.of("1500.00", "GBP"));
        assertThat(letter.feesTotal()).isEqualTo(Money.of("45.52", "GBP"));
        assertThat(letter.total()).isEqualTo(Money.of("1545.52", "GBP"));
        assertThat(letter.deadline()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(letter.invoices()).extracting(i -> i.number() + "/" + i.daysOverdue()).containsExactly("INV-1002/23", "INV-1001/14");

        String text = letters.getFirst().text();
        assertThat(text)
                .contains("Northwind Accounting Ltd\n2026-12-24")
                .contains("Dear Acme Joinery Ltd,")
                .contains("the following invoices are still unpaid:")
                .contains("Invoice INV-1002, issued 2026-11-01, due 2026-12-01 (23 days overdue): 300.00 GBP outstanding of 800.00 GBP")
                .contains("Invoice INV-1001, issued 2026-11-10, due 2026-12-10 (14 days overdue): 1200.00 GBP outstanding of 1200.00 GBP")
                .contains("Principal outstanding: 1500.00 GBP")
                .contains("Invoice INV-1001, late fee 'late-fee' on 2026-12-24: 40.00 GBP\n      worked out as: fixed fee 40.00 GBP")
                .contains("Invoice INV-1001, late fee 'interest' on 2026-12-24: 5.52 GBP\n      worked out as: " + INTEREST_TEXT)
                .contains("Fees and interest: 45.52 GBP")
                .contains("TOTAL NOW DUE: 1545.52 GBP")
                .contains("Please pay 1545.52 GBP by 2026-12-31. After that date we will pass the debt to our collection agency")
                .doesNotContain("INV-1003").doesNotContain("not this customer's").doesNotContain("{");
    }

    @Test
    void oneLetterPerCurrencyBecauseSumsAcrossCurrenciesMeanNothing() {
        InvoiceSnapshot euro = invoice("inv-9", "INV-2001", "C-ACME", "2026-11-01", "2026-12-01", "500.00", "500.00", "EUR");

        List<RenderedDemandLetter> letters = documents.demandLetters(new DemandLetterRequest("Northwind", List.of(acme1, euro),
                List.of(), LETTER_DATE, 14, "We will refer the matter to a lawyer."));

        assertThat(letters).extracting(l -> l.letter().total().toString()).containsExactly("500.00 EUR", "1200.00 GBP");
        assertThat(letters.getFirst().text()).contains("the following invoice is still unpaid:")
                .contains("No late-payment fees or interest have been charged.").contains("by 2027-01-07");
    }

    @Test
    void caseFileAsJsonParsesBackAndTheTextListsEveryContactAttempt() throws IOException {
        ZoneId london = ZoneId.of("Europe/London");
        List<RecordedContact> contacts = List.of(
                new RecordedContact(ContactRecord.automatic("C-ACME", Instant.parse("2026-12-11T09:00:00Z"), ContactChannel.EMAIL,
                        ActionKey.forStage(ORG, "inv-1", "Overdue notice", "reminder", 0)), List.of("inv-1", "inv-2"),
                        "reminder 'overdue' (combined)", Optional.of("accounts@acme.example")),
                new RecordedContact(ContactRecord.manual("C-ACME", Instant.parse("2026-12-18T14:30:00Z"), ContactChannel.PHONE),
                        List.of("inv-1"), "phone call with Jo Smith: promised payment by 2027-01-05", Optional.empty()),
                new RecordedContact(ContactRecord.manual("C-OTHER", Instant.parse("2026-12-19T10:00:00Z"), ContactChannel.PHONE),
                        List.of(), "another customer", Optional.empty()));
        CaseFileRequest request = new CaseFileRequest("Northwind Accounting Ltd", london, LocalDate.of(2027, 1, 9),
                "30 days overdue: refer to collections", List.of(acme1, acme2), Map.of("inv-1", "Hand to a person", "inv-2", "Hand to a person"),
                fees, contacts,
                List.of(new PromiseToPay("p-1", "inv-1", "C-ACME", LocalDate.of(2026, 12, 18), LocalDate.of(2027, 1, 5),
                        Optional.of(Money.of("1200.00", "GBP")), "Jo at Northwind", Optional.empty())),
                List.of(new Dispute("d-1", "inv-2", "delivery short by two items", "Jo at Northwind", LocalDate.of(2026, 12, 2),
                        Optional.of(new DisputeResolution(LocalDate.of(2026, 12, 5), DisputeOutcome.REJECTED, "signed delivery note", "Jo")))),
                List.of(new PlanStanding(new PaymentPlan("plan-1", "C-ACME", List.of("inv-2"), LocalDate.of(2026, 12, 5), List.of(
                        new Instalment(1, LocalDate.of(2026, 12, 15), Money.of("500.00", "GBP")),
                        new Instalment(2, LocalDate.of(2027, 1, 5), Money.of("300.00", "GBP"))), "Jo", Optional.empty()),
                        List.of(new PaymentApplied(LocalDate.of(2026, 12, 14), Money.of("500.00", "GBP"))))));

        HandOff handOff = documents.handOff(request);

        JsonNode json = new ObjectMapper().readTree(handOff.json());
        assertThat(json.path("customer").path("id").asText()).isEqualTo("C-ACME");
        assertThat(json.path("preparedOn").asText()).isEqualTo("2027-01-09");
        assertThat(json.path("invoices")).hasSize(2);
        assertThat(json.path("invoices").get(0).path("number").asText()).isEqualTo("INV-1002");
        assertThat(json.path("invoices").get(0).path("amountDue").path("amount").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(json.path("totals").get(0).path("total").path("amount").asText()).isEqualTo("1545.52");
        assertThat(json.path("totals").get(0).path("currency").asText()).isEqualTo("GBP");
        assertThat(json.path("fees").get(1).path("computation").asText()).isEqualTo(INTEREST_TEXT);
        JsonNode contactsJson = json.path("contacts");
        assertThat(contactsJson).hasSize(2);
        assertThat(contactsJson.get(0).path("at").asText()).isEqualTo("2026-12-11T09:00:00Z");
        assertThat(contactsJson.get(0).path("channel").asText()).isEqualTo("EMAIL");
        assertThat(contactsJson.get(0).path("origin").asText()).isEqualTo("AUTOMATIC");
        assertThat(contactsJson.get(0).path("invoiceNumbers").toString()).isEqualTo("[\"INV-1001\",\"INV-1002\"]");
        assertThat(contactsJson.get(0).path("actionKey").asText()).isEqualTo(ORG + ":inv-1:stage:overdue-notice:reminder:0");
        assertThat(contactsJson.get(1).path("recipient").isNull()).isTrue();
        // Judged on 2027-01-09: the promise for 2027-01-05 was not kept, the second instalment was missed.
        assertThat(json.path("promises").get(0).path("outcome").asText()).isEqualTo("BROKEN");
        assertThat(json.path("promises").get(0).path("amount").path("amount").decimalValue()).isEqualByComparingTo("1200.00");
        assertThat(json.path("disputes").get(0).path("status").asText()).isEqualTo("REJECTED");
        assertThat(json.path("disputes").get(0).path("resolvedOn").asText()).isEqualTo("2026-12-05");
        assertThat(json.path("plans").get(0).path("status").asText()).isEqualTo("IN_ARREARS");
        assertThat(json.path("plans").get(0).path("instalments").get(0).path("state").asText()).isEqualTo("PAID");
        assertThat(json.path("plans").get(0).path("instalments").get(1).path("state").asText()).isEqualTo("MISSED");

        assertThat(handOff.text())
                .contains("CASE FILE: Acme Joinery Ltd (C-ACME)")
                .contains("Reason for hand-off: 30 days overdue: refer to collections")
                .contains("GBP: principal 1500.00 GBP, fees and interest 45.52 GBP, total 1545.52 GBP")
                .contains("CONTACT HISTORY (2 attempts)")
                .contains("2026-12-11 09:00 +00:00 EMAIL AUTOMATIC: reminder 'overdue' (combined) to accounts@acme.example (invoices INV-1001, INV-1002)")
                .contains("2026-12-18 14:30 +00:00 PHONE MANUAL: phone call with Jo Smith: promised payment by 2027-01-05 (invoices INV-1001)")
                .contains("2026-12-18 invoice INV-1001: promised 1200.00 GBP by 2027-01-05, BROKEN (recorded by Jo at Northwind)")
                .contains("2026-12-02 invoice INV-1002: delivery short by two items (raised by Jo at Northwind), REJECTED on 2026-12-05: signed delivery note")
                .contains("agreed 2026-12-05 by Jo for invoices INV-1002: IN_ARREARS, 500.00 GBP paid")
                .contains("1. 2026-12-15 500.00 GBP PAID")
                .contains("2. 2027-01-05 300.00 GBP MISSED")
                .doesNotContain("another customer").doesNotContain("Optional");
    }

    @Test
    void everyShippedReminderRenders() {
        ReminderMessage message = ReminderMessage.single("Northwind", new Party("C-ACME", "Acme Joinery Ltd"),
                new ReminderMessage.Line("INV-1001", LocalDate.of(2026, 12, 10), Money.of("1200.00", "GBP"), Money.of("1200.00", "GBP")));

        for (String template : TemplateDirectory.at(Path.of("config/templates")).reminderNames()) {
            assertThat(renderer.reminder(template, message)).as(template)
                    .contains("Acme Joinery Ltd").contains("INV-1001").contains("Northwind").doesNotContain("{");
        }
        assertThat(TemplateDirectory.at(Path.of("config/templates")).reminderNames())
                .containsExactly("final", "firm", "friendly", "instalment-courtesy", "instalment-missed", "overdue", "thank-you");
    }

    @Test
    void aMisspeltValueFailsLoudlyNamingTheTemplate() throws IOException {
        Files.writeString(dir.resolve("overdue.txt"), "Hello {customer.nmae}");
        QuteDocumentRenderer broken = new QuteDocumentRenderer(TemplateDirectory.at(dir));
        ReminderMessage message = ReminderMessage.single("Northwind", new Party("C-ACME", "Acme"),
                new ReminderMessage.Line("INV-1", LocalDate.of(2026, 12, 10), Money.of("1.00", "GBP"), Money.of("1.00", "GBP")));

        assertThatThrownBy(() -> broken.reminder("overdue", message))
                .hasMessageContaining(dir.resolve("overdue.txt").toString()).hasMessageContaining("nmae");
    }

    @Test
    void aTemplateWithBrokenSyntaxIsRefusedWhenLoaded() throws IOException {
        Files.writeString(dir.resolve("friendly.txt"), "Hello {#if customer.name}unclosed");

        assertThatThrownBy(() -> new QuteDocumentRenderer(TemplateDirectory.at(dir)))
                .hasMessageContaining(dir.resolve("friendly.txt").toString());
    }

    private static InvoiceSnapshot invoice(String id, String number, String customer, String issued, String due, String total,
                                           String amountDue, String currency) {
        String name = customer.equals("C-ACME") ? "Acme Joinery Ltd" : customer;
        return new InvoiceSnapshot(ORG, id, number, customer, name, LocalDate.parse(issued), Optional.of(LocalDate.parse(due)),
                Money.of(total, currency), Money.of(amountDue, currency),
                new java.math.BigDecimal(amountDue).signum() == 0 ? InvoiceStatus.PAID : InvoiceStatus.OPEN, List.of(), false);
    }
}
