package dev.arrears.scheduling;

import static dev.arrears.scheduling.CycleFixture.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.AuditKind;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.OutboxStatus;
import dev.arrears.domain.contact.ContactChannel;
import dev.arrears.domain.contact.ContactOrigin;
import dev.arrears.domain.contact.ContactRecord;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.application.cycle.QueueControl;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reminders wait for the organisation's send rules, and their stage's fee and note wait for them; each reminder is a contact. */
@QuarkusTest
class SendRulesInDispatchTest extends OneXeroReplicaTestBase {

    @Inject
    QueueControl queue;

    @Test
    void a_reminder_due_on_a_saturday_waits_until_monday_0900_in_the_organisations_zone_and_goes_once() {
        Instant saturday = Instant.parse("2025-03-15T10:00:00Z");   // Saturday, 10:00 in London
        fx.clock.set(saturday);
        OrganisationId org = fx.liveOrganisation("Weekend Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "A", "C1", LocalDate.of(2025, 3, 14)));   // overdue notice due on Saturday
        String key = org + ":A:stage:overdue-notice:reminder:0";

        replica.cycle().runDue();

        assertThat(xero.writeCalls(org)).isZero();
        OutboxEntry waiting = entry(org, key);
        assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(waiting.nextAttemptAt()).isEqualTo(Instant.parse("2025-03-17T09:00:00Z"));
        assertThat(waiting.attempts()).isZero();
        assertThat(fx.audit.byInvoice(new InvoiceRef(org, "A"), 50))
                .filteredOn(r -> r.event().kind() == AuditKind.ACTION_DEFERRED).singleElement()
                .satisfies(r -> assertThat(r.event().message()).contains("outside the send window"));

        fx.clock.set(Instant.parse("2025-03-17T08:59:00Z"));
        assertThat(replica.dispatch().dispatchDue().claimed()).isZero();
        fx.clock.set(Instant.parse("2025-03-17T09:00:00Z"));
        replica.dispatch().dispatchDue();
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key).containsExactly(key);
        assertThat(fx.contacts.forCustomer(org, "C1")).singleElement().satisfies(c -> {
            assertThat(c.origin()).isEqualTo(ContactOrigin.AUTOMATIC);
            assertThat(c.actionKey().orElseThrow().value()).isEqualTo(key);
            assertThat(c.at()).isEqualTo(Instant.parse("2025-03-17T09:00:00Z"));
        });

        fx.clock.advance(Duration.ofHours(2));
        replica.cycle().runDue();
        replica.dispatch().dispatchDue();
        assertThat(xero.applied(org)).hasSize(1);
    }

    /**
     * A live organisation on a Xero-like ledger that keeps idempotency keys 4 minutes, with one
     * overdue invoice whose reminder's writes fail as given.
     */
    private Reminder reminderWhoseWritesFail(String name, RecordingLedger.Fault... faults) {
        fx.clock.set(Instant.parse("2025-03-10T10:00:00Z"));   // Monday 10:00 in London
        OrganisationId org = fx.liveOrganisation(name, LedgerProvider.XERO);
        xero.put(invoice(org, "A", "C1", LocalDate.of(2025, 3, 9)));
        String key = org + ":A:stage:overdue-notice:reminder:0";
        xero.keepsKeysFor(Duration.ofMinutes(4));
        xero.failNext(key, faults);
        return new Reminder(org, key);
    }

    private record Reminder(OrganisationId org, String key) {
    }

    @Test
    void a_reminder_in_doubt_whose_key_is_still_kept_is_repeated_at_once_not_deferred_past_the_key() {
        Reminder reminder = reminderWhoseWritesFail("Timed Out Ltd", RecordingLedger.Fault.TIMEOUT_BEFORE_APPLY);
        OrganisationId org = reminder.org();
        String key = reminder.key();

        replica.cycle().runDue();
        assertThat(entry(org, key).status()).isEqualTo(OutboxStatus.PENDING);
        // Someone phones the customer meanwhile: a new reminder would now wait three days.
        fx.contacts.record(org, ContactRecord.manual("C1", Instant.parse("2025-03-10T10:00:30Z"), ContactChannel.PHONE),
                Optional.empty(), Optional.of("Called"), "jo");
        fx.clock.set(entry(org, key).nextAttemptAt());
        replica.dispatch().dispatchDue();

        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key).containsExactly(key);
        assertThat(entry(org, key).status()).isEqualTo(OutboxStatus.DONE);
    }

    @Test
    void a_repeat_under_a_kept_key_that_is_throttled_leaves_the_reminder_in_doubt() {
        Reminder reminder = reminderWhoseWritesFail("Throttled Ltd", RecordingLedger.Fault.TIMEOUT_BEFORE_APPLY,
                RecordingLedger.Fault.TOO_MANY_REQUESTS);
        OrganisationId org = reminder.org();
        String key = reminder.key();

        replica.cycle().runDue();
        fx.clock.set(entry(org, key).nextAttemptAt());
        replica.dispatch().dispatchDue();

        // The 429 answered the repeat; whether the first attempt emailed the customer is still unknown,
        // so the next attempt looks for it first instead of treating the reminder as never sent.
        OutboxEntry waiting = entry(org, key);
        assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(waiting.attempts()).as("the timeout counts, the 429 does not").isEqualTo(1);
        assertThat(waiting.inDoubt()).isTrue();
    }

    @Test
    void a_manual_contact_an_hour_earlier_defers_the_final_notice_and_its_fee_and_note_wait_for_it() {
        fx.clock.set(Instant.parse("2025-03-10T10:00:00Z"));   // Monday 10:00 in London
        OrganisationId org = fx.liveOrganisation("Called Ltd", LedgerProvider.XERO);
        fx.contacts.record(org, ContactRecord.manual("C2", Instant.parse("2025-03-10T09:00:00Z"), ContactChannel.PHONE),
                Optional.empty(), Optional.of("Called about the overdue invoice"), "jo");
        xero.put(invoice(org, "B", "C2", LocalDate.of(2025, 3, 10).minusDays(18)));   // final notice: reminder, fee, note
        String reminder = org + ":B:stage:final-notice:reminder:0";

        replica.cycle().runDue();

        assertThat(xero.writeCalls(org)).as("no fee raised, no 'Final notice sent' written before the notice").isZero();
        OutboxEntry waiting = entry(org, reminder);
        assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(waiting.nextAttemptAt()).isEqualTo(Instant.parse("2025-03-13T09:00:00Z"));   // 3 days after the call
        assertThat(waiting.lastError()).hasValueSatisfying(e -> assertThat(e).contains("minimum gap"));
        assertThat(fx.outbox(org)).filteredOn(e -> !(e.action() instanceof PlannedAction.SendReminder)).hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.status()).isEqualTo(OutboxStatus.PENDING);
                    assertThat(e.attempts()).isZero();
                    assertThat(e.nextAttemptAt()).isEqualTo(Instant.parse("2025-03-13T09:00:00Z"));
                    assertThat(e.lastError()).hasValueSatisfying(r -> assertThat(r).contains("waits for its stage's reminder " + reminder));
                });

        fx.clock.set(Instant.parse("2025-03-13T09:00:00Z"));
        replica.dispatch().dispatchDue();
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::kind).containsExactlyInAnyOrder("Reminder", "LateFee", "Note")
                .first().isEqualTo("Reminder");
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key).containsOnlyOnce(reminder);
    }

    @Test
    void a_final_notice_due_on_a_saturday_goes_on_monday_with_its_fee_and_note_after_it() {
        fx.clock.set(Instant.parse("2025-03-15T10:00:00Z"));   // Saturday, 10:00 in London
        OrganisationId org = fx.liveOrganisation("Saturday Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "F", "C3", LocalDate.of(2025, 3, 1)));   // final notice (day 14) due on Saturday
        String reminder = org + ":F:stage:final-notice:reminder:0";

        replica.cycle().runDue();
        fx.clock.set(Instant.parse("2025-03-16T12:00:00Z"));   // Sunday: a cycle and a dispatch change nothing
        replica.cycle().runDue();
        replica.dispatch().dispatchDue();

        assertThat(xero.writeCalls(org)).as("no fee, no note on the weekend").isZero();
        fx.clock.set(Instant.parse("2025-03-17T09:00:00Z"));
        replica.dispatch().dispatchDue();
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::kind).containsExactlyInAnyOrder("Reminder", "LateFee", "Note")
                .first().isEqualTo("Reminder");
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::at).containsOnly(Instant.parse("2025-03-17T09:00:00Z"));
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key).containsOnlyOnce(reminder);
        // One deferral event each for the fee and the note, however often they were looked at.
        assertThat(fx.audit.byInvoice(new InvoiceRef(org, "F"), 50))
                .filteredOn(r -> r.event().kind() == AuditKind.ACTION_DEFERRED && r.event().message().contains("its stage's reminder"))
                .hasSize(2);

        fx.clock.advance(Duration.ofDays(1));
        replica.cycle().runDue();
        replica.dispatch().dispatchDue();
        assertThat(xero.applied(org)).as("the fee once").hasSize(3);
    }

    @Test
    void a_fee_whose_reminder_waits_for_a_person_is_not_raised_until_the_person_closes_the_reminder() {
        fx.clock.set(Instant.parse("2025-03-10T10:00:00Z"));   // Monday 10:00 in London
        OrganisationId org = fx.liveOrganisation("Refused Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "R", "C4", LocalDate.of(2025, 3, 10).minusDays(14)));   // final notice today
        String reminder = org + ":R:stage:final-notice:reminder:0";
        xero.failNext(reminder, RecordingLedger.Fault.REJECT);

        replica.cycle().runDue();
        assertThat(entry(org, reminder).status()).isEqualTo(OutboxStatus.NEEDS_HUMAN);
        fx.clock.advance(Duration.ofHours(3));
        replica.dispatch().dispatchDue();
        assertThat(xero.applied(org)).as("nothing goes on its own while the reminder is with a person").isEmpty();
        assertThat(fx.outbox(org)).filteredOn(e -> e.action() instanceof PlannedAction.ChargeLateFee).singleElement()
                .satisfies(fee -> {
                    assertThat(fee.status()).isEqualTo(OutboxStatus.PENDING);
                    assertThat(fee.lastError()).hasValueSatisfying(e -> assertThat(e).contains("which waits for a person"));
                });

        fx.outbox.closeNeedsHuman(org, entry(org, reminder).id(), "sent by hand");
        fx.clock.advance(Duration.ofHours(1));
        replica.dispatch().dispatchDue();
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::kind).containsExactlyInAnyOrder("LateFee", "Note");
    }

    @Test
    void one_dispatch_run_takes_a_waiting_fee_once_even_when_the_clock_runs_on_during_the_run() {
        // Under an accelerated clock (the demo, the process tests) hours pass between two batches of one run.
        // A fee waiting an hour for its reminder's person was claimed again batch after batch, up to the run's
        // 50-batch limit, and all that time the run's mark on the organisation kept its cycle out (demo:
        // invoices not decided for weeks of simulated time).
        fx.clock.set(Instant.parse("2025-03-10T10:00:00Z"));   // Monday 10:00 in London
        OrganisationId org = fx.liveOrganisation("Busy Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "B", "C6", LocalDate.of(2025, 3, 10).minusDays(14)));   // final notice today
        String reminder = org + ":B:stage:final-notice:reminder:0";
        xero.failNext(reminder, RecordingLedger.Fault.REJECT);
        replica.cycle().runDue();
        assertThat(entry(org, reminder).status()).isEqualTo(OutboxStatus.NEEDS_HUMAN);

        fx.clock.advance(Duration.ofHours(2));
        fx.clock.tickOnEveryRead(Duration.ofMinutes(30));
        try {
            assertThat(replica.dispatch().dispatchDue().claimed())
                    .as("the fee and the note, each once in this run").isEqualTo(2);
        } finally {
            fx.clock.tickOnEveryRead(Duration.ZERO);
        }
        assertThat(xero.applied(org)).as("nothing goes while the reminder is with a person").isEmpty();
    }

    @Test
    void a_fee_whose_reminder_was_stopped_is_never_raised() {
        fx.clock.set(Instant.parse("2025-03-15T10:00:00Z"));   // Saturday
        OrganisationId org = fx.liveOrganisation("Stopped Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "S", "C5", LocalDate.of(2025, 3, 1)));
        String reminder = org + ":S:stage:final-notice:reminder:0";
        replica.cycle().runDue();

        queue.stop(org, entry(org, reminder).id(), "jo", fx.clock.instant());
        fx.clock.set(Instant.parse("2025-03-17T09:00:00Z"));
        replica.dispatch().dispatchDue();

        assertThat(xero.writeCalls(org)).isZero();
        assertThat(fx.outbox(org)).allSatisfy(e -> assertThat(e.status()).isEqualTo(OutboxStatus.CANCELLED));
        assertThat(fx.outbox(org)).filteredOn(e -> e.action() instanceof PlannedAction.ChargeLateFee).singleElement()
                .satisfies(fee -> assertThat(fee.statusReason()).hasValueSatisfying(r -> assertThat(r)
                        .contains("its stage's reminder was cancelled (stopped by jo)").contains("the late fee it announces is not raised")));
    }

    private OutboxEntry entry(OrganisationId org, String key) {
        return fx.outbox(org).stream().filter(e -> e.action().key().value().equals(key)).findFirst().orElseThrow();
    }
}
