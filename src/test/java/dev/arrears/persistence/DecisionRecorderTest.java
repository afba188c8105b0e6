package dev.arrears.persistence;

import static dev.arrears.persistence.Fixtures.invoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditRecord;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.DecisionRecorder;
import dev.arrears.application.DecisionToRecord;
import dev.arrears.application.DeliveryMode;
import dev.arrears.application.DunningStateStore;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.Outbox;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.RecordedDecision;
import dev.arrears.application.RecordedDecisions;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.cycle.OrganisationControl;
import io.agroal.api.AgroalDataSource;
import dev.arrears.application.StaleStateException;
import dev.arrears.application.StoredDunningState;
import dev.arrears.domain.dunning.ChargedFee;
import dev.arrears.domain.dunning.Decision;
import dev.arrears.domain.dunning.DunningState;
import dev.arrears.domain.dunning.DunningStatus;
import dev.arrears.domain.dunning.FeeApplication;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.money.Money;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DecisionRecorderTest {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 10);

    @Inject
    DecisionRecorder recorder;
    @Inject
    DunningStateStore states;
    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    InvoiceStore invoices;
    @Inject
    OrganisationStore organisations;
    @Inject
    Sql sql;
    @Inject
    OrganisationControl control;
    @Inject
    AgroalDataSource dataSource;

    OrganisationId org;
    InvoiceRef invoice;

    @BeforeEach
    void storeInvoice() {
        org = Fixtures.organisation(organisations);
        // The recorder dispatches by the organisation's mode when it stores: live unless a test says otherwise.
        organisations.setMode(org, OrganisationMode.LIVE);
        invoice = Fixtures.stored(invoices, invoice(org, "INV-D", "CUST-D", "1500.00", "GBP",
                dev.arrears.domain.invoice.InvoiceStatus.OPEN));
    }

    @Test
    void a_decision_stores_state_actions_and_audit_together() {
        FeeApplication fee = new FeeApplication("flat", 1, TODAY, TODAY, Money.of("40.00", "GBP"), "fixed 40.00 GBP", false);
        PlannedAction reminder = OutboxTest.reminder(invoice, "final demand");
        PlannedAction charge = new PlannedAction.ChargeLateFee(
                dev.arrears.domain.dunning.ActionKey.forFee(org.toString(), invoice.providerInvoiceId(), "flat", 1), "final demand", fee);
        DunningState state = new DunningState(DunningStatus.ACTIVE, Optional.of("final demand"), Optional.of(TODAY),
                Optional.of(LocalDate.of(2025, 2, 14)), List.of("final demand"), List.of("first reminder", "second reminder"),
                List.of(ChargedFee.of(fee)), Optional.of(TODAY.plusDays(7)));
        Decision decision = new Decision(state, List.of(reminder, charge),
                List.of("24 days overdue: the invoice reaches 'final demand'.", "Two earlier stages were passed over."));

        RecordedDecision recorded = recorder.record(new DecisionToRecord(invoice, StoredDunningState.NOT_STORED, decision, "v1",
                TODAY, DeliveryMode.DISPATCH));

        assertThat(recorded.stateVersion()).isEqualTo(1);
        assertThat(recorded.actions().added()).containsExactly(reminder.key(), charge.key());
        StoredDunningState stored = states.load(invoice).orElseThrow();
        assertThat(stored.state()).isEqualTo(state);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.policyVersion()).isEqualTo("v1");
        assertThat(outbox.list(org, OutboxStatus.PENDING)).hasSize(2);

        List<AuditRecord> trail = audit.byInvoice(invoice, 50);
        assertThat(trail).extracting(r -> r.event().kind()).containsExactlyInAnyOrder(AuditKind.DECISION,
                AuditKind.ACTION_PLANNED, AuditKind.ACTION_PLANNED, AuditKind.STAGE_SKIPPED, AuditKind.STAGE_SKIPPED);
        assertThat(trail).allSatisfy(r -> {
            assertThat(r.event().policyVersion()).contains("v1");
            assertThat(r.event().customerId()).contains("CUST-D");
        });
        AuditRecord decisionEvent = trail.stream().filter(r -> r.event().kind() == AuditKind.DECISION).findFirst().orElseThrow();
        assertThat(decisionEvent.event().detail().get("reasons")).isEqualTo(decision.reasons());
        assertThat(decisionEvent.event().message()).contains("reaches 'final demand'");
        assertThat(trail.stream().filter(r -> r.event().actionKey().equals(Optional.of(charge.key()))).findFirst().orElseThrow()
                .event().detail()).containsEntry("amount", "40.00").containsEntry("currency", "GBP")
                .containsEntry("computation", "fixed 40.00 GBP");
    }

    /**
     * A decision's planned actions and skipped stages are stored in the decision's own audit row (one
     * row per decision, not one per event) and read back as events of their own, newest first, with
     * the messages and facts one row each carried.
     */
    @Test
    void a_decision_and_what_it_planned_are_one_audit_row_read_back_as_their_events_in_order() throws Exception {
        organisations.setMode(org, OrganisationMode.PREVIEW);
        PlannedAction reminder = OutboxTest.reminder(invoice, "final demand");
        PlannedAction note = new PlannedAction.AddNote(dev.arrears.domain.dunning.ActionKey.forStage(org.toString(),
                invoice.providerInvoiceId(), "final-demand", "note", 0), "final demand", "Final demand sent.");
        DunningState state = active("final demand", List.of("first reminder"));
        long before = auditRows();

        recorder.record(new DecisionToRecord(invoice, StoredDunningState.NOT_STORED, new Decision(state,
                List.of(reminder, note), List.of("24 days overdue.")), "v1", TODAY, DeliveryMode.PREVIEW_ONLY));

        assertThat(auditRows()).isEqualTo(before + 1);
        List<AuditRecord> trail = audit.byInvoice(invoice, 50);
        assertThat(trail).extracting(r -> r.event().kind()).containsExactly(AuditKind.STAGE_SKIPPED,
                AuditKind.ACTION_PREVIEWED, AuditKind.ACTION_PREVIEWED, AuditKind.DECISION);
        assertThat(trail).extracting(r -> r.event().actionKey()).containsExactly(Optional.empty(),
                Optional.of(note.key()), Optional.of(reminder.key()), Optional.empty());
        assertThat(trail.get(1).event().message()).isEqualTo("Previewed (not sent while the organisation is in preview): "
                + "note for stage 'final demand'.");
        assertThat(trail.get(1).event().detail()).containsEntry("kind", "ADD_NOTE").containsEntry("text", "Final demand sent.");
        assertThat(trail.get(0).event().detail()).isEqualTo(java.util.Map.of("stage", "first reminder"));
        assertThat(trail.get(3).event().detail()).doesNotContainKey(FoldedAudit.FOLLOWED_BY)
                .containsEntry("actions", List.of(reminder.key().value(), note.key().value()))
                .containsEntry("delivery", "PREVIEW_ONLY");
        assertThat(trail).allSatisfy(r -> {
            assertThat(r.event().policyVersion()).contains("v1");
            assertThat(r.event().customerId()).contains("CUST-D");
            assertThat(r.event().providerInvoiceId()).contains(invoice.providerInvoiceId());
        });
        // A limit counts events, not rows.
        assertThat(audit.byInvoice(invoice, 2)).extracting(r -> r.event().kind())
                .containsExactly(AuditKind.STAGE_SKIPPED, AuditKind.ACTION_PREVIEWED);
        assertThat(audit.byCustomer(org, "CUST-D", 50)).extracting(r -> r.event().kind())
                .containsExactly(AuditKind.STAGE_SKIPPED, AuditKind.ACTION_PREVIEWED, AuditKind.ACTION_PREVIEWED, AuditKind.DECISION);
    }

    /** Stage names travel to the state's text arrays as array literals: quotes, commas, braces and backslashes survive. */
    @Test
    void stage_names_with_quotes_commas_braces_and_backslashes_are_stored_as_written() {
        String awkward = "final \"demand\", {2} C:\\x NULL";
        DunningState first = active(awkward, List.of("a,b", "", "NULL"));
        recorder.record(new DecisionToRecord(invoice, 0, new Decision(first, List.of(), List.of("Due.")), "v1", TODAY,
                DeliveryMode.DISPATCH));
        assertThat(states.load(invoice).orElseThrow().state()).isEqualTo(first);

        DunningState second = active("next", List.of(awkward, "}{\"\\"));
        recorder.record(new DecisionToRecord(invoice, 1, new Decision(second, List.of(), List.of("Later.")), "v1", TODAY,
                DeliveryMode.DISPATCH));
        assertThat(states.load(invoice).orElseThrow().state()).isEqualTo(second);
    }

    @Test
    void reasons_with_quotes_commas_backslashes_and_line_breaks_reach_the_audit_trail_as_written() {
        String awkward = "Customer said \"we'll pay, later\"\n\\.\nC:\\path; 'quoted' \"\" and\ttab, \u00e9\u901a";
        recorder.record(new DecisionToRecord(invoice, 0, new Decision(active("first reminder", List.of()), List.of(),
                List.of(awkward)), "v\"1,", TODAY, DeliveryMode.DISPATCH));

        AuditRecord decision = audit.byInvoice(invoice, 5).getFirst();
        assertThat(decision.event().message()).isEqualTo(awkward);
        assertThat(decision.event().policyVersion()).contains("v\"1,");
        assertThat(decision.event().actionKey()).isEmpty();
    }

    @Test
    void deciding_again_plans_nothing_twice_and_says_so() {
        PlannedAction reminder = OutboxTest.reminder(invoice, "first reminder");
        DunningState state = active("first reminder", List.of());
        recorder.record(new DecisionToRecord(invoice, 0, new Decision(state, List.of(reminder), List.of("Due.")), "v1", TODAY,
                DeliveryMode.DISPATCH));

        RecordedDecision again = recorder.record(new DecisionToRecord(invoice, 1,
                new Decision(state, List.of(reminder), List.of("Due.")), "v1", TODAY, DeliveryMode.DISPATCH));

        assertThat(again.stateVersion()).isEqualTo(2);
        assertThat(again.actions().added()).isEmpty();
        assertThat(again.actions().alreadyPresent()).containsExactly(reminder.key());
        assertThat(outbox.list(org, OutboxStatus.PENDING)).hasSize(1);
        assertThat(audit.byInvoice(invoice, 1).getFirst().event().kind()).isEqualTo(AuditKind.ACTION_SUPPRESSED);
    }

    @Test
    void a_decision_based_on_an_old_state_is_refused_and_leaves_nothing() throws Exception {
        recorder.record(new DecisionToRecord(invoice, 0, new Decision(active("first reminder", List.of()), List.of(),
                List.of("Due.")), "v1", TODAY, DeliveryMode.DISPATCH));
        long auditBefore = auditRows();

        PlannedAction reminder = OutboxTest.reminder(invoice, "second reminder");
        assertThatThrownBy(() -> recorder.record(new DecisionToRecord(invoice, 0,
                new Decision(active("second reminder", List.of()), List.of(reminder), List.of("Later.")), "v1", TODAY,
                DeliveryMode.DISPATCH))).isInstanceOf(StaleStateException.class);

        assertThat(states.load(invoice).orElseThrow().state().stage()).contains("first reminder");
        assertThat(outbox.list(org, OutboxStatus.PENDING)).isEmpty();
        assertThat(auditRows()).isEqualTo(auditBefore);
    }

    /**
     * The state is written first, then the outbox. PostgreSQL refuses a NUL character in jsonb, so
     * this note makes the outbox insert fail after the state row was written in the same transaction:
     * afterwards no state, no action and no audit event may exist.
     */
    @Test
    void a_failure_half_way_leaves_no_state_no_action_and_no_audit() throws Exception {
        PlannedAction reminder = OutboxTest.reminder(invoice, "first reminder");
        PlannedAction poison = new PlannedAction.AddNote(OutboxTest.key(invoice, "first reminder", "note"), "first reminder",
                "text with a NUL \u0000 in it");
        Decision decision = new Decision(active("first reminder", List.of()), List.of(reminder, poison), List.of("Due."));

        assertThatThrownBy(() -> recorder.record(new DecisionToRecord(invoice, 0, decision, "v1", TODAY, DeliveryMode.DISPATCH)))
                .rootCause().hasMessageContaining("unsupported Unicode escape sequence");

        assertThat(states.load(invoice)).isEmpty();
        assertThat(sql.count("select count(*) from outbox_action where organisation_id = ?", org.value())).isZero();
        assertThat(auditRows()).isZero();
    }

    @Test
    void only_newly_skipped_stages_are_reported() {
        recorder.record(new DecisionToRecord(invoice, 0, new Decision(active("third", List.of("first")), List.of(),
                List.of("Catch-up.")), "v1", TODAY, DeliveryMode.DISPATCH));
        recorder.record(new DecisionToRecord(invoice, 1, new Decision(active("fifth", List.of("first", "fourth")), List.of(),
                List.of("Catch-up again.")), "v1", TODAY.plusDays(9), DeliveryMode.DISPATCH));

        assertThat(audit.byInvoice(invoice, 50)).filteredOn(r -> r.event().kind() == AuditKind.STAGE_SKIPPED)
                .extracting(r -> r.event().detail().get("stage")).containsExactly("fourth", "first");
    }

    @Test
    void in_preview_the_actions_are_previewed_not_pending() {
        organisations.setMode(org, OrganisationMode.PREVIEW);
        recorder.record(new DecisionToRecord(invoice, 0, new Decision(active("first reminder", List.of()),
                List.of(OutboxTest.reminder(invoice, "first reminder")), List.of("Due.")), "v1", TODAY, DeliveryMode.PREVIEW_ONLY));

        assertThat(outbox.list(org, OutboxStatus.PENDING)).isEmpty();
        assertThat(outbox.list(org, OutboxStatus.PREVIEWED)).hasSize(1);
        assertThat(audit.byInvoice(invoice, 1).getFirst().event().kind()).isEqualTo(AuditKind.ACTION_PREVIEWED);
    }

    /**
     * The decide step read the mode (preview) before an accountant's go-live committed, and stores
     * after it: the go-live's promotion ran before these actions existed, so stored as previewed
     * they would never be sent. The recorder reads the mode as it stores.
     */
    @Test
    void a_decision_made_in_preview_and_stored_after_go_live_is_dispatched() {
        organisations.setMode(org, OrganisationMode.PREVIEW);
        control.goLive(org, java.time.Instant.parse("2025-03-10T09:00:00Z"));

        RecordedDecision recorded = recorder.record(new DecisionToRecord(invoice, 0, new Decision(active("first reminder",
                List.of()), List.of(OutboxTest.reminder(invoice, "first reminder")), List.of("Due.")), "v1", TODAY,
                DeliveryMode.PREVIEW_ONLY));

        assertThat(recorded.actions().added()).hasSize(1);
        assertThat(outbox.list(org, OutboxStatus.PREVIEWED)).isEmpty();
        assertThat(outbox.list(org, OutboxStatus.PENDING)).hasSize(1);
        assertThat(audit.byInvoice(invoice, 1).getFirst().event().kind()).isEqualTo(AuditKind.ACTION_PLANNED);
        assertThat(audit.byInvoice(invoice, 50)).filteredOn(r -> r.event().kind() == AuditKind.DECISION).singleElement()
                .satisfies(r -> assertThat(r.event().detail()).containsEntry("delivery", "DISPATCH"));
    }

    /**
     * The other order: a go-live under way (its row lock taken, not committed) when the decisions of
     * a preview cycle are stored. The recorder waits for it rather than reading the mode it is replacing.
     */
    @Test
    void a_decision_stored_while_go_live_is_under_way_waits_for_it_and_is_dispatched() throws Exception {
        organisations.setMode(org, OrganisationMode.PREVIEW);
        DecisionToRecord previewed = new DecisionToRecord(invoice, 0, new Decision(active("first reminder", List.of()),
                List.of(OutboxTest.reminder(invoice, "first reminder")), List.of("Due.")), "v1", TODAY, DeliveryMode.PREVIEW_ONLY);
        try (java.sql.Connection goLive = dataSource.getConnection()) {
            goLive.setAutoCommit(false);
            try (var lock = goLive.prepareStatement("update organisation set mode = 'LIVE' where id = ?")) {
                lock.setObject(1, org.value());
                lock.executeUpdate();
            }
            var recording = java.util.concurrent.CompletableFuture.supplyAsync(() -> recorder.record(previewed));
            waitUntilBlockedOnALock(recording);
            goLive.commit();
            recording.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }

        assertThat(outbox.list(org, OutboxStatus.PREVIEWED)).isEmpty();
        assertThat(outbox.list(org, OutboxStatus.PENDING)).hasSize(1);
    }

    @Test
    void a_stale_decision_is_left_out_of_a_group_and_the_others_are_stored() throws Exception {
        InvoiceRef other = Fixtures.stored(invoices, invoice(org, "INV-E", "CUST-E", "800.00", "GBP",
                dev.arrears.domain.invoice.InvoiceStatus.OPEN));
        recorder.record(new DecisionToRecord(other, 0, new Decision(active("first reminder", List.of()), List.of(),
                List.of("Due.")), "v1", TODAY, DeliveryMode.DISPATCH));
        long auditBefore = auditRows();

        PlannedAction reminder = OutboxTest.reminder(invoice, "first reminder");
        RecordedDecisions result = recorder.recordAll(List.of(
                new DecisionToRecord(invoice, 0, new Decision(active("first reminder", List.of()), List.of(reminder),
                        List.of("Due.")), "v1", TODAY, DeliveryMode.DISPATCH),
                new DecisionToRecord(other, 0, new Decision(active("second reminder", List.of()),
                        List.of(OutboxTest.reminder(other, "second reminder")), List.of("Later.")), "v1", TODAY,
                        DeliveryMode.DISPATCH)));

        assertThat(result.stale()).containsExactly(other);
        assertThat(result.recorded()).singleElement().satisfies(r -> {
            assertThat(r.invoice()).isEqualTo(invoice);
            assertThat(r.actions().added()).containsExactly(reminder.key());
        });
        assertThat(states.load(other).orElseThrow().state().stage()).contains("first reminder");
        assertThat(outbox.list(org, OutboxStatus.PENDING)).extracting(e -> e.action().key()).containsExactly(reminder.key());
        assertThat(audit.byInvoice(other, 50)).filteredOn(r -> r.event().kind() == AuditKind.DECISION).hasSize(1);
        assertThat(auditRows()).isEqualTo(auditBefore + 1); // the fresh decision, its action in its row
    }

    /** A payment plan's reminder names the plan, not an invoice: two invoices of the plan plan the same key. */
    @Test
    void a_key_planned_by_two_decisions_of_a_group_is_written_once() {
        InvoiceRef other = Fixtures.stored(invoices, invoice(org, "INV-E", "CUST-D", "800.00", "GBP",
                dev.arrears.domain.invoice.InvoiceStatus.OPEN));
        PlannedAction shared = new PlannedAction.AddNote(new dev.arrears.domain.dunning.ActionKey(org + ":plan:P1:note"),
                "first reminder", "Instalment due.");
        RecordedDecisions result = recorder.recordAll(List.of(
                new DecisionToRecord(invoice, 0, new Decision(active("first reminder", List.of()), List.of(shared),
                        List.of("Plan.")), "v1", TODAY, DeliveryMode.DISPATCH),
                new DecisionToRecord(other, 0, new Decision(active("first reminder", List.of()), List.of(shared),
                        List.of("Plan.")), "v1", TODAY, DeliveryMode.DISPATCH)));

        assertThat(result.stale()).isEmpty();
        assertThat(result.recorded()).extracting(r -> r.actions().added().size()).containsExactly(1, 0);
        assertThat(result.recorded().get(1).actions().alreadyPresent()).containsExactly(shared.key());
        assertThat(outbox.list(org, OutboxStatus.PENDING)).hasSize(1);
        assertThat(audit.byInvoice(other, 1).getFirst().event().kind()).isEqualTo(AuditKind.ACTION_SUPPRESSED);
    }

    /** Polls PostgreSQL until a session waits for a lock: the recording reached the organisation's row. */
    private void waitUntilBlockedOnALock(java.util.concurrent.Future<?> recording) throws Exception {
        for (int i = 0; i < 3000 && !recording.isDone(); i++) {
            if (sql.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()") > 0) {
                return;
            }
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
        }
        throw new AssertionError("the recording did not wait for the go-live under way");
    }

    private long auditRows() throws Exception {
        return sql.count("select count(*) from audit_event where organisation_id = ? and kind <> 'MODE_CHANGED'", org.value());
    }

    private static DunningState active(String stage, List<String> skipped) {
        return new DunningState(DunningStatus.ACTIVE, Optional.of(stage), Optional.of(TODAY), Optional.of(LocalDate.of(2025, 2, 14)),
                List.of(stage), skipped, List.of(), Optional.of(TODAY.plusDays(7)));
    }
}
