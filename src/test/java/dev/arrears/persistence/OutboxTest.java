package dev.arrears.persistence;

import static dev.arrears.persistence.Fixtures.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.DeliveryMode;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.Outbox;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.RecordedActions;
import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.FeeApplication;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.money.Money;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {

    @Inject
    Outbox outbox;
    @Inject
    InvoiceStore invoices;
    @Inject
    OrganisationStore organisations;
    @Inject
    Sql sql;
    @Inject
    TestClock clock;

    OrganisationId org;
    InvoiceRef invoice;

    @BeforeEach
    void storeInvoice() {
        clock.set(TestClock.START); // another test class may have moved it
        org = Fixtures.organisation(organisations);
        invoice = Fixtures.stored(invoices, invoice(org, "INV-A", "250.00", "GBP"));
    }

    @Test
    void the_same_action_recorded_twice_is_one_row_and_the_second_call_adds_nothing() throws Exception {
        PlannedAction reminder = reminder(invoice, "first reminder");

        RecordedActions first = outbox.record(invoice, List.of(reminder), DeliveryMode.DISPATCH, "v1");
        RecordedActions second = outbox.record(invoice, List.of(reminder), DeliveryMode.DISPATCH, "v1");

        assertThat(first.added()).containsExactly(reminder.key());
        assertThat(second.added()).isEmpty();
        assertThat(second.alreadyPresent()).containsExactly(reminder.key());
        assertThat(sql.count("select count(*) from outbox_action where action_key = ?", reminder.key().value())).isEqualTo(1);
    }

    @Test
    void late_fees_are_read_in_the_statuses_asked_and_nothing_else() {
        InvoiceRef previewed = Fixtures.stored(invoices, invoice(org, "INV-B", "300.00", "GBP"));
        InvoiceRef other = Fixtures.stored(invoices, invoice(org, "INV-C", "CUST-2", "400.00", "GBP",
                dev.arrears.domain.invoice.InvoiceStatus.OPEN));
        PlannedAction.ChargeLateFee a = fee(invoice, 1);
        PlannedAction.ChargeLateFee b = fee(previewed, 1);
        PlannedAction.ChargeLateFee c = fee(other, 1);
        outbox.record(invoice, List.of(a, reminder(invoice, "final demand")), DeliveryMode.DISPATCH, "v1");
        outbox.record(previewed, List.of(b), DeliveryMode.PREVIEW_ONLY, "v1");
        outbox.record(other, List.of(c), DeliveryMode.DISPATCH, "v1");

        assertThat(outbox.lateFees(org, java.util.EnumSet.of(OutboxStatus.PENDING)))
                .extracting(OutboxEntry::action).containsExactlyInAnyOrder(a, c);
        assertThat(outbox.lateFees(org, java.util.EnumSet.of(OutboxStatus.PENDING, OutboxStatus.PREVIEWED)))
                .extracting(OutboxEntry::action).containsExactlyInAnyOrder(a, b, c);
    }

    private PlannedAction.ChargeLateFee fee(InvoiceRef on, int period) {
        LocalDate day = LocalDate.of(2025, 3, 1);
        return new PlannedAction.ChargeLateFee(ActionKey.forFee(org.toString(), on.providerInvoiceId(), "flat", period),
                "final demand", new FeeApplication("flat", period, day, day, Money.of("40.00", "GBP"), "fixed 40.00 GBP", false));
    }

    @Test
    void every_kind_of_action_comes_back_whole_from_its_payload() {
        FeeApplication fee = new FeeApplication("statutory-interest", 2, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31),
                Money.of("12.345", "BHD"), "8% a year on 1500.000 BHD for 30 days / 365, rounded half-up", true);
        List<PlannedAction> actions = List.of(
                reminder(invoice, "first reminder"),
                new PlannedAction.AddNote(key(invoice, "first reminder", "note"), "first reminder", "Reminder sent: \"polite\" ✓"),
                new PlannedAction.ChargeLateFee(ActionKey.forFee(org.toString(), invoice.providerInvoiceId(), "statutory-interest", 2),
                        "final demand", fee),
                new PlannedAction.FlagForPerson(ActionKey.forInvoice(org.toString(), invoice.providerInvoiceId(), "no due date"),
                        "no-due-date", "The invoice has no due date"));

        outbox.record(invoice, actions, DeliveryMode.DISPATCH, "v7");

        List<OutboxEntry> pending = outbox.list(org, OutboxStatus.PENDING);
        assertThat(pending).extracting(OutboxEntry::action).containsExactlyInAnyOrderElementsOf(actions);
        assertThat(pending).allSatisfy(e -> {
            assertThat(e.invoice()).isEqualTo(invoice);
            assertThat(e.policyVersion()).contains("v7");
            assertThat(e.attempts()).isZero();
            assertThat(e.nextAttemptAt()).isEqualTo(TestClock.START);
        });
        FeeApplication stored = pending.stream().map(OutboxEntry::action).filter(PlannedAction.ChargeLateFee.class::isInstance)
                .map(a -> ((PlannedAction.ChargeLateFee) a).fee()).findFirst().orElseThrow();
        assertThat(stored.amount().amount()).hasToString("12.345");
    }

    @Test
    void preview_actions_are_kept_apart_from_those_to_dispatch() {
        outbox.record(invoice, List.of(reminder(invoice, "first reminder")), DeliveryMode.PREVIEW_ONLY, "v1");
        assertThat(outbox.list(org, OutboxStatus.PENDING)).isEmpty();
        assertThat(outbox.list(org, OutboxStatus.PREVIEWED)).hasSize(1);
    }

    @Test
    void cancel_pending_for_cancels_only_the_pending_actions_of_that_invoice() throws Exception {
        InvoiceRef other = Fixtures.stored(invoices, invoice(org, "INV-B", "90.00", "GBP"));
        PlannedAction pending = reminder(invoice, "first reminder");
        PlannedAction claimed = reminder(invoice, "second reminder");
        PlannedAction previewed = reminder(invoice, "third reminder");
        PlannedAction otherInvoice = reminder(other, "first reminder");
        outbox.record(invoice, List.of(pending, claimed), DeliveryMode.DISPATCH, "v1");
        outbox.record(invoice, List.of(previewed), DeliveryMode.PREVIEW_ONLY, "v1");
        outbox.record(other, List.of(otherInvoice), DeliveryMode.DISPATCH, "v1");
        sql.update("update outbox_action set status = 'CLAIMED', claimed_by = 'replica-1', claim_expires_at = now() "
                + "where action_key = ?", claimed.key().value());

        List<ActionKey> cancelled = outbox.cancelPendingFor(invoice, "paid in the ledger");

        assertThat(cancelled).containsExactly(pending.key());
        assertThat(outbox.list(org, OutboxStatus.CANCELLED)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(pending);
            assertThat(e.statusReason()).contains("paid in the ledger");
        });
        assertThat(outbox.list(org, OutboxStatus.CLAIMED)).extracting(OutboxEntry::action).containsExactly(claimed);
        assertThat(outbox.list(org, OutboxStatus.PREVIEWED)).extracting(OutboxEntry::action).containsExactly(previewed);
        assertThat(outbox.list(org, OutboxStatus.PENDING)).extracting(OutboxEntry::action).containsExactly(otherInvoice);
        assertThat(outbox.cancelPendingFor(invoice, "again")).isEmpty();
    }

    static PlannedAction reminder(InvoiceRef invoice, String stage) {
        return new PlannedAction.SendReminder(key(invoice, stage, "reminder"), stage, "polite");
    }

    static ActionKey key(InvoiceRef invoice, String stage, String kind) {
        return ActionKey.forStage(invoice.organisationId().toString(), invoice.providerInvoiceId(), stage, kind, 0);
    }
}
