package dev.arrears.scheduling;

import static dev.arrears.scheduling.CycleFixture.TODAY;
import static dev.arrears.scheduling.CycleFixture.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditRecord;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.cycle.CycleOutcome;
import dev.arrears.application.cycle.CycleRecord;
import dev.arrears.application.cycle.SettingsReads;
import dev.arrears.application.ledger.SettingsReport;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.domain.dunning.DunningStatus;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One replica through whole cycles: the steps, payments winning, failures contained, pause, no connector. */
@QuarkusTest
class CycleFlowTest extends OneXeroReplicaTestBase {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_live_cycle_syncs_decides_and_writes_each_due_action_once() {
        OrganisationId org = fx.liveOrganisation("Live Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "A", "C1", TODAY.minusDays(2)));   // overdue notice: one reminder
        xero.put(invoice(org, "B", "C2", TODAY.minusDays(18)));  // final notice: reminder, fee, note
        xero.put(invoice(org, "C", "C3", TODAY.plusDays(30)));   // nothing yet

        List<CycleOutcome> outcomes = replica.cycle().runDue();

        assertThat(outcomes).singleElement().isInstanceOf(CycleOutcome.Completed.class);
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::kind)
                .containsExactlyInAnyOrder("Reminder", "Reminder", "LateFee", "Note");
        assertThat(fx.outbox(org)).allMatch(e -> e.status() == OutboxStatus.DONE && e.ledgerReference().isPresent());

        // Nothing is due again until the cadence passes; then re-running plans and writes nothing new.
        assertThat(replica.cycle().runDue()).isEmpty();
        fx.clock.advance(Duration.ofMinutes(16));
        assertThat(replica.cycle().runDue()).singleElement().isInstanceOf(CycleOutcome.Completed.class);
        assertThat(xero.applied(org)).hasSize(4);
        assertThat(xero.syncs(org)).isEqualTo(2);

        CycleRecord record = fx.book.find(org).orElseThrow();
        assertThat(record.leaseOwner()).isEmpty();
        assertThat(record.organisation().lastCycleOutcome()).hasValueSatisfying(o -> assertThat(o).contains("sync 3"));
        List<AuditRecord> trail = fx.audit.byInvoice(new InvoiceRef(org, "B"), 50);
        assertThat(trail).extracting(r -> r.event().kind())
                .contains(AuditKind.DECISION, AuditKind.ACTION_PLANNED, AuditKind.ACTION_DONE, AuditKind.STAGE_SKIPPED);
    }

    @Test
    void a_payment_recorded_between_decide_and_dispatch_cancels_every_pending_action_of_the_invoice() {
        OrganisationId org = fx.liveOrganisation("Payer Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "B", "C2", TODAY.minusDays(18)));
        // The customer pays after the decision, just before the dispatcher re-reads the invoice.
        xero.beforeReread(invoiceId -> xero.pay(org, invoiceId));

        replica.cycle().runDue();

        assertThat(xero.writeCalls(org)).isZero();
        assertThat(fx.outbox(org)).hasSize(3).allMatch(e -> e.status() == OutboxStatus.CANCELLED)
                .allMatch(e -> e.statusReason().orElseThrow().contains("paid"));
        assertThat(fx.audit.byInvoice(new InvoiceRef(org, "B"), 50))
                .filteredOn(r -> r.event().kind() == AuditKind.ACTION_CANCELLED).hasSize(3);

        // The next cycle's sync brings the payment into the mirror and the invoice leaves dunning.
        xero.beforeReread(invoiceId -> { });
        fx.clock.advance(Duration.ofMinutes(16));
        replica.cycle().runDue();
        assertThat(fx.states.load(new InvoiceRef(org, "B")).orElseThrow().state().status()).isEqualTo(DunningStatus.LEFT);
    }

    @Test
    void a_payment_seen_by_the_sync_cancels_pending_actions_and_the_invoice_leaves_dunning() {
        OrganisationId org = fx.liveOrganisation("Sync Payer Ltd", LedgerProvider.XERO);
        InvoiceSnapshot a = invoice(org, "A", "C1", TODAY.minusDays(2));
        xero.put(a);
        String key = org + ":A:stage:overdue-notice:reminder:0";
        xero.failNext(key, RecordingLedger.Fault.SERVER_ERROR);
        replica.cycle().runDue();
        assertThat(fx.outbox(org, OutboxStatus.PENDING)).singleElement().satisfies(e -> assertThat(e.attempts()).isEqualTo(1));

        xero.pay(org, "A");
        fx.clock.advance(Duration.ofMinutes(16));
        replica.cycle().runDue();

        assertThat(fx.outbox(org, OutboxStatus.CANCELLED)).singleElement();
        assertThat(xero.applied(org)).isEmpty();
        assertThat(fx.states.load(new InvoiceRef(org, "A")).orElseThrow().state().status()).isEqualTo(DunningStatus.LEFT);
    }

    @Test
    void one_organisations_failure_is_recorded_backed_off_and_visible_and_the_others_carry_on() {
        OrganisationId failing = fx.liveOrganisation("Failing Ltd", LedgerProvider.XERO);
        OrganisationId fine = fx.liveOrganisation("Fine Ltd", LedgerProvider.XERO);
        OrganisationId unsupported = fx.liveOrganisation("Books Ltd", LedgerProvider.QUICKBOOKS);
        xero.put(invoice(failing, "F", "C1", TODAY.minusDays(2)));
        xero.put(invoice(fine, "G", "C1", TODAY.minusDays(2)));
        Instant retryAfter = CycleFixture.NOW.plus(Duration.ofMinutes(30));
        xero.failSync(failing, new LedgerFailure.RetryLater("HTTP 503", Optional.of(retryAfter)));

        List<CycleOutcome> outcomes = replica.cycle().runDue();

        assertThat(outcomes).hasSize(3);
        assertThat(xero.applied(fine)).hasSize(1);
        CycleRecord failed = fx.book.find(failing).orElseThrow();
        assertThat(failed.consecutiveFailures()).isEqualTo(1);
        assertThat(failed.backoffUntil()).hasValueSatisfying(t -> assertThat(t).isAfterOrEqualTo(retryAfter));
        assertThat(failed.writesPausedUntil()).hasValue(retryAfter);
        assertThat(failed.organisation().lastCycleError()).hasValueSatisfying(e -> assertThat(e).contains("HTTP 503"));
        CycleRecord noConnector = fx.book.find(unsupported).orElseThrow();
        assertThat(noConnector.organisation().lastCycleError())
                .hasValue("no ledger connector for QUICKBOOKS in this build");

        // Backing off: not leased again before its time, then tried again and healed.
        fx.clock.advance(Duration.ofMinutes(20));
        assertThat(replica.cycle().runDue()).extracting(CycleOutcome::organisation).doesNotContain(failing);
        xero.healSync(failing);
        fx.clock.advance(Duration.ofHours(2));
        assertThat(replica.cycle().runDue()).filteredOn(o -> o.organisation().equals(failing))
                .singleElement().isInstanceOf(CycleOutcome.Completed.class);
        assertThat(fx.book.find(failing).orElseThrow().consecutiveFailures()).isZero();
        assertThat(xero.applied(failing)).hasSize(1);
    }

    @Test
    void a_paused_organisation_is_neither_cycled_nor_dispatched_and_resumes_where_it_was() {
        OrganisationId org = fx.liveOrganisation("Paused Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "A", "C1", TODAY.minusDays(2)));
        String key = org + ":A:stage:overdue-notice:reminder:0";
        xero.failNext(key, RecordingLedger.Fault.SERVER_ERROR);
        replica.cycle().runDue();

        fx.control.pause(org, fx.clock.instant());
        fx.clock.advance(Duration.ofHours(3));
        assertThat(replica.cycle().runDue()).isEmpty();
        assertThat(replica.dispatch().dispatchDue().claimed()).isZero();
        assertThat(replica.cycle().runNow(org)).isInstanceOf(CycleOutcome.Skipped.class);

        assertThat(fx.control.resume(org, fx.clock.instant()).mode()).isEqualTo(OrganisationMode.LIVE);
        replica.dispatch().dispatchDue();
        assertThat(xero.applied(org)).singleElement().satisfies(a -> assertThat(a.key()).isEqualTo(key));
    }

    @Test
    void an_operator_request_runs_a_backing_off_organisation_at_once() {
        OrganisationId org = fx.liveOrganisation("Requested Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "A", "C1", TODAY.minusDays(2)));
        xero.failSync(org, new LedgerFailure.RetryLater("HTTP 503", Optional.empty()));
        replica.cycle().runDue();
        xero.healSync(org);
        assertThat(replica.cycle().runDue()).isEmpty();

        assertThat(replica.cycle().runNow(org)).isInstanceOf(CycleOutcome.Completed.class);
        assertThat(xero.applied(org)).hasSize(1);
        assertThat(fx.book.find(org).orElseThrow().cycleRequestedAt()).isEmpty();
    }

    @Test
    void settings_are_read_once_a_day_even_when_an_operator_asks_for_a_cycle() {
        OrganisationId org = fx.liveOrganisation("Daily Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "A", "C1", TODAY.plusDays(30)));
        replica.cycle().runDue();
        assertThat(xero.settingsReads(org)).isEqualTo(1);

        // "Run now" syncs and decides again at once; the settings read an hour ago still hold.
        fx.clock.advance(Duration.ofHours(1));
        assertThat(replica.cycle().runNow(org)).isInstanceOf(CycleOutcome.Completed.class);
        assertThat(xero.syncs(org)).isEqualTo(2);
        assertThat(xero.settingsReads(org)).isEqualTo(1);

        fx.clock.advance(Duration.ofDays(1));
        replica.cycle().runDue();
        assertThat(xero.settingsReads(org)).isEqualTo(2);
    }

    @Test
    void settings_read_at_registration_count_as_the_first_cycles_read() {
        OrganisationId org = fx.liveOrganisation("Registered Ltd", LedgerProvider.XERO);
        new SettingsReads(fx.book, fx.audit).noted(org,
                new SettingsReport(Optional.empty(), false, List.of(), Optional.empty()), fx.clock.instant(),
                new dev.arrears.application.cycle.ReplicaId("registering"));
        fx.clock.advance(Duration.ofMinutes(2));

        assertThat(replica.cycle().runDue()).singleElement().isInstanceOf(CycleOutcome.Completed.class);
        assertThat(xero.syncs(org)).isEqualTo(1);
        assertThat(xero.settingsReads(org)).isZero();
    }

    @Test
    void settings_that_could_not_be_read_are_read_again_at_the_next_cycle_and_the_failure_is_in_the_audit_trail() throws SQLException {
        OrganisationId org = fx.liveOrganisation("Flaky Settings Ltd", LedgerProvider.XERO);
        xero.failSettings(org, new LedgerFailure.RetryLater("HTTP 503", Optional.empty()));
        replica.cycle().runDue();
        assertThat(settingsWarnings(org)).singleElement().asString().contains("the settings could not be read: HTTP 503");

        xero.healSettings(org);
        fx.clock.advance(Duration.ofMinutes(16));
        replica.cycle().runDue();
        assertThat(xero.settingsReads(org)).isEqualTo(2);
        fx.clock.advance(Duration.ofMinutes(16));
        replica.cycle().runDue();
        assertThat(xero.settingsReads(org)).isEqualTo(2);
    }

    private List<String> settingsWarnings(OrganisationId org) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select message from audit_event where organisation_id = ? and kind = 'LEDGER_SETTINGS_WARNING' order by id")) {
            st.setObject(1, org.value());
            List<String> messages = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    messages.add(rs.getString(1));
                }
            }
            return messages;
        }
    }
}
