package dev.arrears.scheduling;

import static dev.arrears.scheduling.CycleFixture.TODAY;
import static dev.arrears.scheduling.CycleFixture.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.AuditKind;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.cycle.CycleSettings;
import dev.arrears.application.cycle.DispatchSettings;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger misbehaves in every way that matters; each due action still lands exactly once, or waits for a person. */
@QuarkusTest
class DispatchFaultsTest extends OneXeroReplicaTestBase {

    OrganisationId org;
    String reminderA;
    String reminderB;
    String feeB;
    String noteB;

    @BeforeEach
    void setUp() {
        org = fx.liveOrganisation("Faulty Ledger Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "A", "C1", TODAY.minusDays(2)));
        xero.put(invoice(org, "B", "C2", TODAY.minusDays(18)));
        reminderA = org + ":A:stage:overdue-notice:reminder:0";
        reminderB = org + ":B:stage:final-notice:reminder:0";
        feeB = org + ":B:fee:late-fee:p1";
        noteB = org + ":B:stage:final-notice:note:2";
    }

    @Test
    void server_errors_timeouts_and_429s_still_end_in_exactly_one_write_each() {
        xero.failNext(reminderA, RecordingLedger.Fault.SERVER_ERROR, RecordingLedger.Fault.SERVER_ERROR);
        // B's fee and note wait for B's reminder, so the 429 that quiets the organisation comes from the reminder.
        xero.failNext(reminderB, RecordingLedger.Fault.TOO_MANY_REQUESTS, RecordingLedger.Fault.TIMEOUT_AFTER_APPLY);
        xero.failNext(feeB, RecordingLedger.Fault.TIMEOUT_BEFORE_APPLY);
        xero.failNext(noteB, RecordingLedger.Fault.TOO_MANY_REQUESTS);
        xero.retryAfter(Duration.ofMinutes(10));

        replica.cycle().runDue();
        Instant quietUntil = fx.book.find(org).orElseThrow().writesPausedUntil().orElseThrow();
        assertThat(quietUntil).isAfterOrEqualTo(CycleFixture.NOW.plus(Duration.ofMinutes(10)));
        assertThat(entry(noteB).nextAttemptAt()).isAfterOrEqualTo(quietUntil);

        // Inside the Retry-After window nothing is claimed for this organisation.
        fx.clock.advance(Duration.ofMinutes(5));
        assertThat(replica.dispatch().dispatchDue().claimed()).isZero();

        drain();

        assertThat(xero.violations()).isEmpty();
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key)
                .containsExactlyInAnyOrder(reminderA, reminderB, feeB, noteB);
        assertThat(xero.writeCalls(reminderA)).isEqualTo(3);
        assertThat(xero.writeCalls(reminderB)).as("the 429, then found in the ledger, not written again").isEqualTo(2);
        assertThat(xero.evidenceLookups(reminderB)).isEqualTo(1);
        assertThat(xero.writeCalls(feeB)).as("no evidence: written again").isEqualTo(2);
        assertThat(xero.evidenceLookups(feeB)).isEqualTo(1);
        assertThat(xero.writeCalls(noteB)).isEqualTo(2);
        assertThat(fx.outbox(org)).allMatch(e -> e.status() == OutboxStatus.DONE && !e.inDoubt());
        assertThat(fx.audit.byInvoice(new InvoiceRef(org, "B"), 100)).extracting(r -> r.event().kind())
                .contains(AuditKind.ACTION_IN_DOUBT, AuditKind.ACTION_FOUND_IN_LEDGER, AuditKind.ACTION_RETRY,
                        AuditKind.ACTION_DONE);
    }

    @Test
    void an_attempt_in_doubt_reads_the_invoice_once_before_its_evidence_and_writes_on_that_reading() {
        xero.failNext(reminderA, RecordingLedger.Fault.TIMEOUT_BEFORE_APPLY);

        replica.cycle().runDue();
        drain();

        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key).contains(reminderA);
        assertThat(xero.writeCalls(reminderA)).as("in doubt, no trace, written again").isEqualTo(2);
        assertThat(xero.evidenceLookups(reminderA)).isEqualTo(1);
        int attemptsOnA = fx.outbox(org).stream().filter(e -> e.invoice().providerInvoiceId().equals("A"))
                .mapToInt(e -> xero.writeCalls(e.action().key().value())).sum();
        assertThat(xero.rereads("A")).as("one ledger read of the invoice per attempt, in doubt or not")
                .isEqualTo(attemptsOnA);
    }

    @Test
    void retry_delays_grow_and_after_the_last_attempt_the_action_waits_for_a_person_with_its_reason() {
        xero.failNext(reminderA, RecordingLedger.Fault.SERVER_ERROR, RecordingLedger.Fault.SERVER_ERROR,
                RecordingLedger.Fault.SERVER_ERROR, RecordingLedger.Fault.SERVER_ERROR, RecordingLedger.Fault.SERVER_ERROR);
        xero.failNext(noteB, RecordingLedger.Fault.REJECT);

        replica.cycle().runDue();
        OutboxEntry note = entry(noteB);
        assertThat(note.status()).isEqualTo(OutboxStatus.NEEDS_HUMAN);
        assertThat(note.statusReason()).hasValueSatisfying(r -> assertThat(r).contains("refused").contains("validation error"));

        Duration previousDelay = Duration.ZERO;
        for (int attempt = 1; attempt < 5; attempt++) {
            OutboxEntry pending = entry(reminderA);
            assertThat(pending.attempts()).isEqualTo(attempt);
            Duration delay = Duration.between(fx.clock.instant(), pending.nextAttemptAt());
            // Base one minute, doubling, with jitter between half and all of it.
            Duration ceiling = Duration.ofMinutes(1L << (attempt - 1));
            assertThat(delay).isBetween(ceiling.dividedBy(2), ceiling);
            assertThat(delay).isGreaterThanOrEqualTo(previousDelay.dividedBy(2));
            previousDelay = delay;
            fx.clock.set(pending.nextAttemptAt());
            replica.dispatch().dispatchDue();
        }
        OutboxEntry gaveUp = entry(reminderA);
        assertThat(gaveUp.status()).isEqualTo(OutboxStatus.NEEDS_HUMAN);
        assertThat(gaveUp.attempts()).isEqualTo(5);
        assertThat(gaveUp.statusReason()).hasValueSatisfying(r -> assertThat(r).contains("5 attempts failed").contains("503"));
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key).doesNotContain(reminderA, noteB);
    }

    @Test
    void a_busy_spell_of_429s_longer_than_the_attempt_limit_waits_without_spending_attempts_and_the_reminder_still_goes() {
        RecordingLedger.Fault[] sixThrottles = new RecordingLedger.Fault[6];   // max-attempts is 5
        java.util.Arrays.fill(sixThrottles, RecordingLedger.Fault.TOO_MANY_REQUESTS);
        xero.failNext(reminderA, sixThrottles);

        replica.cycle().runDue();
        for (int throttled = 1; throttled < sixThrottles.length; throttled++) {
            OutboxEntry waiting = entry(reminderA);
            assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(waiting.attempts()).as("a 429 is not a failed attempt").isZero();
            fx.clock.set(waiting.nextAttemptAt());
            replica.dispatch().dispatchDue();
        }
        fx.clock.set(entry(reminderA).nextAttemptAt());
        replica.dispatch().dispatchDue();

        assertThat(xero.writeCalls(reminderA)).isEqualTo(7);
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key).containsOnlyOnce(reminderA);
        assertThat(entry(reminderA).status()).isEqualTo(OutboxStatus.DONE);
        assertThat(xero.violations()).as("nothing written inside a Retry-After window").isEmpty();
    }

    @Test
    void an_in_doubt_reminder_whose_evidence_look_up_is_refused_with_a_4xx_gets_a_second_look_and_is_found_not_sent_again() {
        xero.failNext(reminderB, RecordingLedger.Fault.TIMEOUT_AFTER_APPLY);
        xero.refuseEvidenceLookups(2);

        replica.cycle().runDue();
        for (int look = 1; look <= 2; look++) {
            OutboxEntry waiting = entry(reminderB);
            assertThat(waiting.status()).as("refused look-up %d: not a person's job yet", look).isEqualTo(OutboxStatus.PENDING);
            assertThat(waiting.inDoubt()).isTrue();
            fx.clock.set(waiting.nextAttemptAt());
            replica.dispatch().dispatchDue();
        }
        fx.clock.set(entry(reminderB).nextAttemptAt());
        replica.dispatch().dispatchDue();   // the third look is answered

        assertThat(entry(reminderB).status()).isEqualTo(OutboxStatus.DONE);
        assertThat(xero.evidenceLookups(reminderB)).isEqualTo(3);
        assertThat(xero.writeCalls(reminderB)).as("found in the ledger, not sent again").isEqualTo(1);
    }

    @Test
    void an_evidence_look_up_the_ledger_keeps_refusing_goes_to_a_person_once_the_attempts_are_used_up() {
        xero.failNext(reminderB, RecordingLedger.Fault.TIMEOUT_AFTER_APPLY);
        xero.refuseEvidenceLookups(100);

        replica.cycle().runDue();
        for (int i = 0; i < 10 && entry(reminderB).status() == OutboxStatus.PENDING; i++) {
            fx.clock.set(entry(reminderB).nextAttemptAt());
            replica.dispatch().dispatchDue();
        }

        OutboxEntry gaveUp = entry(reminderB);
        assertThat(gaveUp.status()).isEqualTo(OutboxStatus.NEEDS_HUMAN);
        assertThat(gaveUp.attempts()).isEqualTo(5);
        assertThat(xero.evidenceLookups(reminderB)).as("bounded: one look per attempt after the first").isEqualTo(4);
        assertThat(xero.writeCalls(reminderB)).isEqualTo(1);
    }

    @Test
    void a_flag_for_a_person_is_shown_to_people_and_never_written_to_the_ledger() {
        xero.put(invoice(org, "H", "C9", TODAY.minusDays(40)));
        replica.cycle().runDue();
        OutboxEntry flag = fx.outbox(org, OutboxStatus.NEEDS_HUMAN).stream()
                .filter(e -> e.invoice().providerInvoiceId().equals("H")).findFirst().orElseThrow();
        assertThat(flag.statusReason()).hasValueSatisfying(r -> assertThat(r).startsWith("Flagged for a person: 30 days overdue"));
        assertThat(xero.applied(org)).noneMatch(a -> a.invoiceId().equals("H"));
        assertThat(fx.audit.byCustomer(org, "C9", 50)).extracting(r -> r.event().kind()).contains(AuditKind.ACTION_FLAGGED);
    }

    @Test
    void a_guard_that_sees_a_hold_or_dispute_cancels_the_write_with_its_reason() {
        CycleFixture.Replica guarded = fx.replica("faults-guarded", CycleSettings.defaults(), DispatchSettings.defaults(),
                List.of(i -> i.customerId().equals("C2") ? Optional.of("customer C2 disputes the invoice") : Optional.empty()),
                xero);
        guarded.cycle().runDue();
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key).containsExactly(reminderA);
        // The guard cancels B's reminder; B's fee and note, which wait for it, are cancelled with its reason.
        assertThat(fx.outbox(org, OutboxStatus.CANCELLED)).hasSize(3)
                .allSatisfy(e -> assertThat(e.statusReason()).hasValueSatisfying(r -> assertThat(r).contains("customer C2 disputes the invoice")));
    }

    /** Later and later, until nothing is pending any more. */
    private void drain() {
        for (int i = 0; i < 20 && !fx.outbox(org, OutboxStatus.PENDING).isEmpty(); i++) {
            fx.clock.advance(Duration.ofMinutes(30));
            replica.dispatch().dispatchDue();
        }
        assertThat(fx.outbox(org, OutboxStatus.PENDING)).isEmpty();
    }

    private OutboxEntry entry(String key) {
        return fx.outbox(org).stream().filter(e -> e.action().key().value().equals(key)).findFirst().orElseThrow();
    }
}
