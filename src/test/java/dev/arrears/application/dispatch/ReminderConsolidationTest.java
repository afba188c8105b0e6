package dev.arrears.application.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.domain.contact.ContactChannel;
import dev.arrears.domain.contact.ContactRecord;
import dev.arrears.domain.contact.ContactRules;
import dev.arrears.domain.contact.ContactScheduler;
import dev.arrears.domain.contact.HolidayCalendar;
import dev.arrears.domain.contact.SendSlot;
import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A day's reminders of one organisation, 2026-12-11 (a Friday), grouped per customer and currency. */
class ReminderConsolidationTest {

    private static final String ORG = "6f0c3c1e-6d0b-4f57-9a39-0b1a2c3d4e5f";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final DueReminder acme1 = due("inv-1", "INV-1001", "C-ACME", "2026-12-10", "GBP", "Overdue notice", "overdue");
    private final DueReminder acme2 = due("inv-2", "INV-1002", "C-ACME", "2026-12-04", "GBP", "Firmer reminder", "firm");
    private final DueReminder acmeEuro = due("inv-3", "INV-1003", "C-ACME", "2026-12-10", "EUR", "Overdue notice", "overdue");
    private final DueReminder bolt = due("inv-4", "INV-2001", "C-BOLT", "2026-12-10", "GBP", "Overdue notice", "overdue");

    @Test
    void twoInvoicesOfOneCustomerDueTheSameDayBecomeOneContactAndTwoCustomersStayApart() {
        List<CustomerContact> contacts = ReminderConsolidation.consolidate(List.of(bolt, acme1, acme2), true);

        assertThat(contacts).extracting(CustomerContact::customerId).containsExactly("C-ACME", "C-BOLT");
        CustomerContact acme = contacts.getFirst();
        assertThat(acme.delivery()).isEqualTo(ContactDelivery.COMBINED);
        assertThat(acme.messages()).singleElement().satisfies(message -> {
            assertThat(message.currency().getCurrencyCode()).isEqualTo("GBP");
            // Earlier due date first; each member keeps its own outbox key.
            assertThat(message.members()).containsExactly(acme2, acme1);
        });
        assertThat(acme.sends()).containsExactly(List.of(acme2, acme1));
        assertThat(contacts.get(1).sends()).containsExactly(List.of(bolt));
    }

    @Test
    void aChannelThatSendsOneInvoicePerCallStillMakesOneContact() {
        List<CustomerContact> contacts = ReminderConsolidation.consolidate(List.of(acme1, acme2, acmeEuro), false);

        assertThat(contacts).singleElement().satisfies(acme -> {
            assertThat(acme.delivery()).isEqualTo(ContactDelivery.ONE_PER_INVOICE);
            assertThat(acme.messages()).extracting(m -> m.currency().getCurrencyCode()).containsExactly("EUR", "GBP");
            assertThat(acme.sends()).containsExactly(List.of(acmeEuro), List.of(acme2), List.of(acme1));
            assertThat(acme.invoiceCount()).isEqualTo(3);
        });
    }

    @Test
    void idsComeFromTheMemberKeysOnlyWhateverTheOrder() {
        List<CustomerContact> one = ReminderConsolidation.consolidate(List.of(acme1, acme2, bolt), true);
        List<CustomerContact> other = ReminderConsolidation.consolidate(List.of(bolt, acme2, acme1), false);
        List<CustomerContact> fewer = ReminderConsolidation.consolidate(List.of(acme1), true);

        assertThat(one.getFirst().contactId()).isEqualTo(other.getFirst().contactId()).matches("contact:[0-9a-f]{16}");
        assertThat(one.getFirst().messages().getFirst().groupId()).isEqualTo(other.getFirst().messages().getFirst().groupId())
                .matches("reminder-group:[0-9a-f]{16}");
        assertThat(fewer.getFirst().contactId()).isNotEqualTo(one.getFirst().contactId());
        assertThat(one.getFirst().contactId()).isNotEqualTo(one.get(1).contactId());
    }

    @Test
    void oneCustomersCapNeverHoldsBackAnother() {
        // Cap 2 contacts in 7 days, no gap, any hour: Bolt was contacted twice this week, Acme never.
        ContactRules rules = new ContactRules(ContactRules.defaults(LONDON).window(), java.time.Duration.ZERO, 2);
        Instant morning = Instant.parse("2026-12-11T09:00:00Z");
        List<ContactRecord> history = new ArrayList<>(List.of(
                ContactRecord.manual("C-BOLT", Instant.parse("2026-12-07T10:00:00Z"), ContactChannel.PHONE),
                ContactRecord.manual("C-BOLT", Instant.parse("2026-12-09T10:00:00Z"), ContactChannel.EMAIL)));
        ContactScheduler scheduler = new ContactScheduler();

        List<CustomerContact> contacts = ReminderConsolidation.consolidate(List.of(acme1, acme2, bolt), false);
        CustomerContact acme = contacts.getFirst();
        SendSlot acmeSlot = scheduler.earliestAllowed(acme.customerId(), morning, history, rules, HolidayCalendar.none());
        SendSlot boltSlot = scheduler.earliestAllowed(contacts.get(1).customerId(), morning, history, rules, HolidayCalendar.none());

        assertThat(acmeSlot.at()).isEqualTo(morning);
        assertThat(boltSlot.at()).isEqualTo(Instant.parse("2026-12-14T10:00:00Z")); // Monday, once the 7 December call leaves the 7 days
        // Acme's two invoices went out as one contact: it may still be contacted once more this week.
        history.add(ContactRecord.automatic("C-ACME", acmeSlot.at(), ContactChannel.EMAIL, acme.messages().getFirst().members().getFirst().action().key()));
        assertThat(scheduler.earliestAllowed("C-ACME", morning.plusSeconds(3600), history, rules, HolidayCalendar.none()).at())
                .isEqualTo(morning.plusSeconds(3600));
    }

    @Test
    void refusesRemindersOfSeveralOrganisationsAndDuplicateKeys() {
        DueReminder otherOrg = new DueReminder(bolt.action(), new InvoiceSnapshot("11111111-1111-1111-1111-111111111111", "x", "X",
                "C-BOLT", "Bolt", LocalDate.of(2026, 11, 1), Optional.of(LocalDate.of(2026, 12, 10)), Money.of("1.00", "GBP"),
                Money.of("1.00", "GBP"), InvoiceStatus.OPEN, List.of(), false));

        assertThatThrownBy(() -> ReminderConsolidation.consolidate(List.of(bolt, otherOrg), true)).hasMessageContaining("one organisation");
        assertThatThrownBy(() -> ReminderConsolidation.consolidate(List.of(bolt, bolt), true)).hasMessageContaining("more than once");
    }

    private static DueReminder due(String id, String number, String customer, String dueDate, String currency, String stage, String template) {
        InvoiceSnapshot invoice = new InvoiceSnapshot(ORG, id, number, customer, customer, LocalDate.of(2026, 11, 1),
                Optional.of(LocalDate.parse(dueDate)), Money.of("100.00", currency), Money.of("100.00", currency), InvoiceStatus.OPEN, List.of(), false);
        return new DueReminder(new PlannedAction.SendReminder(ActionKey.forStage(ORG, id, stage, "reminder", 0), stage, template), invoice);
    }
}
