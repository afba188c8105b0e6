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
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reminders wait for the organisation's send rules; notes and fees do not; each reminder is a contact. */
@QuarkusTest
class SendRulesInDispatchTest extends OneXeroReplicaTestBase {

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
    void a_manual_contact_an_hour_earlier_defers_the_reminder_by_the_minimum_gap_but_not_the_note_or_fee() {
        fx.clock.set(Instant.parse("2025-03-10T10:00:00Z"));   // Monday 10:00 in London
        OrganisationId org = fx.liveOrganisation("Called Ltd", LedgerProvider.XERO);
        fx.contacts.record(org, ContactRecord.manual("C2", Instant.parse("2025-03-10T09:00:00Z"), ContactChannel.PHONE),
                Optional.empty(), Optional.of("Called about the overdue invoice"), "jo");
        xero.put(invoice(org, "B", "C2", LocalDate.of(2025, 3, 10).minusDays(18)));   // final notice: reminder, fee, note
        String reminder = org + ":B:stage:final-notice:reminder:0";

        replica.cycle().runDue();

        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::kind).containsExactlyInAnyOrder("LateFee", "Note");
        OutboxEntry waiting = entry(org, reminder);
        assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(waiting.nextAttemptAt()).isEqualTo(Instant.parse("2025-03-13T09:00:00Z"));   // 3 days after the call
        assertThat(waiting.lastError()).hasValueSatisfying(e -> assertThat(e).contains("minimum gap"));

        fx.clock.set(Instant.parse("2025-03-13T09:00:00Z"));
        replica.dispatch().dispatchDue();
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key).containsOnlyOnce(reminder);
    }

    private OutboxEntry entry(OrganisationId org, String key) {
        return fx.outbox(org).stream().filter(e -> e.action().key().value().equals(key)).findFirst().orElseThrow();
    }
}
