package dev.arrears.application.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.InvoiceRef;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.email.Mailbox;
import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/** Which claimed reminders go as one statement email: the grouping alone, over an in-memory invoice store. */
class StatementGroupsTest {

    private static final OrganisationId ORG = new OrganisationId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final LocalDate DUE = LocalDate.of(2026, 12, 1);
    private static final Instant AT = Instant.parse("2026-12-15T09:00:00Z");
    private static final BiPredicate<ClaimedAction, InvoiceSnapshot> EVERY_ONE_BY_EMAIL = (c, i) -> true;

    private final Map<InvoiceRef, InvoiceSnapshot> store = new HashMap<>();

    @Test
    void three_reminders_of_one_customer_are_one_statement_in_due_date_order_and_a_lone_one_keeps_its_own_email() {
        ClaimedAction a = reminder("A", "C1", DUE, "GBP", false);
        ClaimedAction b = reminder("B", "C1", DUE.minusDays(7), "GBP", false);
        ClaimedAction c = reminder("C", "C1", DUE, "GBP", false);
        ClaimedAction d = reminder("D", "C2", DUE, "GBP", false);

        List<List<ClaimedAction>> groups = StatementGroups.of(List.of(a, d, c, b), this::load, EVERY_ONE_BY_EMAIL);

        assertThat(groups).containsExactly(List.of(b, a, c));
        // The input's order does not matter.
        assertThat(StatementGroups.of(List.of(c, b, d, a), this::load, EVERY_ONE_BY_EMAIL)).containsExactly(List.of(b, a, c));
    }

    @Test
    void one_customer_in_two_currencies_is_still_one_statement_listing_each_currency_together() {
        ClaimedAction pounds = reminder("A", "C1", DUE, "GBP", false);
        ClaimedAction euros = reminder("B", "C1", DUE.minusDays(3), "EUR", false);

        assertThat(StatementGroups.of(List.of(pounds, euros), this::load, EVERY_ONE_BY_EMAIL)).containsExactly(List.of(euros, pounds));
    }

    @Test
    void a_reminder_in_doubt_or_not_on_the_email_channel_never_joins_a_statement() {
        ClaimedAction sent = reminder("A", "C1", DUE, "GBP", true);
        ClaimedAction viaLedger = reminder("B", "C1", DUE, "GBP", false);
        ClaimedAction first = reminder("C", "C1", DUE, "GBP", false);
        ClaimedAction second = reminder("D", "C1", DUE, "GBP", false);

        List<List<ClaimedAction>> groups = StatementGroups.of(List.of(sent, viaLedger, first, second), this::load,
                (claimed, invoice) -> !invoice.invoiceId().equals("B"));

        assertThat(groups).containsExactly(List.of(first, second));
        assertThat(StatementGroups.of(List.of(sent, first), this::load, EVERY_ONE_BY_EMAIL)).isEmpty();
    }

    @Test
    void notes_fees_and_invoices_no_longer_stored_are_left_to_their_own_path() {
        ClaimedAction reminder = reminder("A", "C1", DUE, "GBP", false);
        ClaimedAction note = claimed(new PlannedAction.AddNote(ActionKey.forStage(ORG.toString(), "B", "overdue-notice", "note", 0),
                "Overdue notice", "noted"), "B", false);
        store.put(new InvoiceRef(ORG, "B"), invoice("B", "C1", DUE, "GBP"));
        ClaimedAction unknown = claimed(new PlannedAction.SendReminder(ActionKey.forStage(ORG.toString(), "Z", "overdue-notice",
                "reminder", 0), "Overdue notice", "overdue"), "Z", false);

        assertThat(StatementGroups.of(List.of(reminder, note, unknown), this::load, EVERY_ONE_BY_EMAIL)).isEmpty();
    }

    @Test
    void a_statements_message_id_is_the_same_for_the_same_reminders_in_any_order_and_differs_from_each_reminders_own() {
        Mailbox from = Mailbox.parse("Acme <accounts@acme.example>");
        List<ActionKey> keys = new ArrayList<>();
        for (String id : List.of("A", "B", "C")) {
            keys.add(ActionKey.forStage(ORG.toString(), id, "overdue-notice", "reminder", 0));
        }

        String statement = EmailReminders.messageId(keys, from);

        assertThat(EmailReminders.messageId(List.of(keys.get(2), keys.get(0), keys.get(1)), from)).isEqualTo(statement);
        assertThat(statement).matches("arrears\\.[0-9a-f]{32}@acme\\.example");
        Set<String> singles = Set.of(EmailReminders.messageId(keys.get(0), from), EmailReminders.messageId(keys.get(1), from),
                EmailReminders.messageId(keys.get(2), from));
        assertThat(singles).doesNotContain(statement);
        assertThat(EmailReminders.messageId(keys.subList(0, 2), from)).isNotEqualTo(statement);
        assertThat(EmailReminders.messageId(List.of(keys.getFirst()), from)).isEqualTo(EmailReminders.messageId(keys.getFirst(), from));
    }

    private Optional<InvoiceSnapshot> load(InvoiceRef ref) {
        return Optional.ofNullable(store.get(ref));
    }

    private ClaimedAction reminder(String invoiceId, String customer, LocalDate due, String currency, boolean inDoubt) {
        store.put(new InvoiceRef(ORG, invoiceId), invoice(invoiceId, customer, due, currency));
        return claimed(new PlannedAction.SendReminder(ActionKey.forStage(ORG.toString(), invoiceId, "overdue-notice", "reminder", 0),
                "Overdue notice", "overdue"), invoiceId, inDoubt);
    }

    private static ClaimedAction claimed(PlannedAction action, String invoiceId, boolean inDoubt) {
        return new ClaimedAction(new OutboxEntry(UUID.randomUUID(), new InvoiceRef(ORG, invoiceId), action, Optional.of("v1"),
                OutboxStatus.CLAIMED, Optional.empty(), 0, AT, Optional.of("replica"), Optional.of(AT), Optional.empty(),
                inDoubt, Optional.empty(), AT, AT), inDoubt);
    }

    private static InvoiceSnapshot invoice(String id, String customer, LocalDate due, String currency) {
        return new InvoiceSnapshot(ORG.toString(), id, "INV-" + id, customer, "Customer " + customer, due.minusDays(30),
                Optional.of(due), Money.of("500.00", currency), Money.of("500.00", currency), InvoiceStatus.OPEN, List.of(), false);
    }
}
