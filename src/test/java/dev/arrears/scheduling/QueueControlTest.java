package dev.arrears.scheduling;

import static dev.arrears.scheduling.CycleFixture.TODAY;
import static dev.arrears.scheduling.CycleFixture.invoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.application.AuditKind;
import dev.arrears.application.DeliveryMode;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.RecordedActions;
import dev.arrears.application.cycle.GoLiveResult;
import dev.arrears.application.cycle.QueueControl;
import dev.arrears.domain.dunning.ActionKey;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One action of the queue: excluded from a go-live, stopped for good, chased now (and still sent once). */
@QuarkusTest
class QueueControlTest extends OneXeroReplicaTestBase {

    @Inject
    QueueControl queue;

    private OutboxEntry action(OrganisationId org, OutboxStatus status, String invoice) {
        return fx.outbox(org, status).stream().filter(e -> e.invoice().providerInvoiceId().equals(invoice))
                .findFirst().orElseThrow();
    }

    @Test
    void an_excluded_action_is_not_sent_at_go_live_and_stays_in_the_record() {
        OrganisationId org = fx.organisation("Exclude Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "A", "C1", TODAY.minusDays(2)));
        xero.put(invoice(org, "B", "C2", TODAY.minusDays(2)));
        replica.cycle().runDue();
        OutboxEntry a = action(org, OutboxStatus.PREVIEWED, "A");

        queue.exclude(org, a.id(), "anna", fx.clock.instant());
        assertThat(queue.excluded(org)).containsExactly(a.id());
        GoLiveResult result = fx.control.goLive(org, fx.clock.instant());
        replica.dispatch().dispatchDue();

        assertThat(result.promoted()).extracting(ActionKey::value).containsExactly(org + ":B:stage:overdue-notice:reminder:0");
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::invoiceId).containsExactly("B");
        assertThat(action(org, OutboxStatus.PREVIEWED, "A").id()).isEqualTo(a.id());
        assertThat(fx.audit.byInvoice(new InvoiceRef(org, "A"), 50)).anyMatch(r -> r.event().kind() == AuditKind.QUEUE_CHANGED
                && r.event().detail().get("user").equals("anna") && r.event().detail().get("change").equals("exclude"));
        // Live now: an exclusion is for the preview's queue only.
        assertThatThrownBy(() -> queue.include(org, a.id(), "anna", fx.clock.instant()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only while the organisation is in preview");
    }

    @Test
    void an_exclusion_undone_before_go_live_sends_the_action_as_usual() {
        OrganisationId org = fx.organisation("Include Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "A", "C1", TODAY.minusDays(2)));
        replica.cycle().runDue();
        OutboxEntry a = action(org, OutboxStatus.PREVIEWED, "A");

        queue.exclude(org, a.id(), "anna", fx.clock.instant());
        queue.include(org, a.id(), "ben", fx.clock.instant());
        fx.control.goLive(org, fx.clock.instant());
        replica.dispatch().dispatchDue();

        assertThat(queue.excluded(org)).isEmpty();
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::invoiceId).containsExactly("A");
    }

    @Test
    void a_stopped_action_is_not_sent_and_not_planned_again() {
        OrganisationId org = fx.liveOrganisation("Stop Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "A", "C1", TODAY.minusDays(2)));
        xero.failNext(org + ":A:stage:overdue-notice:reminder:0", RecordingLedger.Fault.SERVER_ERROR);
        replica.cycle().runDue();
        OutboxEntry a = action(org, OutboxStatus.PENDING, "A");

        OutboxEntry stopped = queue.stop(org, a.id(), "cleo", fx.clock.instant());
        assertThat(stopped.status()).isEqualTo(OutboxStatus.CANCELLED);
        // The engine asking for the same action again (as it does for one a hold cancelled) adds nothing.
        RecordedActions again = fx.outbox.record(a.invoice(), List.of(a.action()), DeliveryMode.DISPATCH, "v1");
        assertThat(again.added()).isEmpty();
        fx.clock.advance(Duration.ofHours(3));
        replica.cycle().runDue();
        replica.dispatch().dispatchDue();

        assertThat(xero.applied(org)).isEmpty();
        assertThat(action(org, OutboxStatus.CANCELLED, "A").statusReason()).contains("stopped by cleo");
        assertThatThrownBy(() -> queue.stop(org, a.id(), "cleo", fx.clock.instant()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cancelled");
    }

    @Test
    void chase_now_twice_sends_the_waiting_reminder_once_and_a_third_chase_is_refused() {
        OrganisationId org = fx.liveOrganisation("Chase Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "A", "C1", TODAY.minusDays(2)));
        String key = org + ":A:stage:overdue-notice:reminder:0";
        xero.failNext(key, RecordingLedger.Fault.SERVER_ERROR);
        replica.cycle().runDue();
        OutboxEntry waiting = action(org, OutboxStatus.PENDING, "A");
        assertThat(waiting.nextAttemptAt()).isAfter(fx.clock.instant()); // backing off after the error
        replica.dispatch().dispatchDue();
        assertThat(xero.applied(org)).isEmpty();

        queue.chaseNow(org, waiting.id(), "dora", fx.clock.instant());
        queue.chaseNow(org, waiting.id(), "dora", fx.clock.instant());
        replica.dispatch().dispatchDue();
        replica.dispatch().dispatchDue();
        replica.cycle().runDue();

        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key).containsExactly(key);
        assertThat(fx.outbox(org, OutboxStatus.DONE)).extracting(OutboxEntry::id).contains(waiting.id());
        assertThatThrownBy(() -> queue.chaseNow(org, waiting.id(), "dora", fx.clock.instant()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already carried out");
        assertThat(xero.applied(org)).hasSize(1);
    }

    @Test
    void chase_now_is_for_live_organisations_and_for_reminders_of_this_organisation() {
        OrganisationId org = fx.organisation("Preview Chase Ltd", LedgerProvider.XERO);
        OrganisationId other = fx.organisation("Other Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "A", "C1", TODAY.minusDays(2)));
        replica.cycle().runDue();
        OutboxEntry a = action(org, OutboxStatus.PREVIEWED, "A");

        assertThatThrownBy(() -> queue.chaseNow(org, a.id(), "ed", fx.clock.instant()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only a live organisation");
        assertThatThrownBy(() -> queue.exclude(other, a.id(), "ed", fx.clock.instant()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such action");
    }

    @Test
    void an_organisation_paused_until_a_day_resumes_by_itself_on_that_day_in_its_time_zone() {
        OrganisationId org = fx.liveOrganisation("Holiday Ltd", LedgerProvider.XERO);
        assertThatThrownBy(() -> fx.control.pauseUntil(org, TODAY, "fay", fx.clock.instant()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after today");

        fx.control.pauseUntil(org, TODAY.plusDays(3), "fay", fx.clock.instant());
        assertThat(fx.control.resumeOn(org)).contains(TODAY.plusDays(3));
        fx.clock.advance(Duration.ofDays(2));
        assertThat(fx.control.resumeDue(fx.clock.instant())).doesNotContain(org);
        assertThat(fx.organisations.find(org).orElseThrow().mode()).isEqualTo(OrganisationMode.PAUSED);

        fx.clock.advance(Duration.ofDays(1));
        assertThat(fx.control.resumeDue(fx.clock.instant())).contains(org);
        assertThat(fx.organisations.find(org).orElseThrow().mode()).isEqualTo(OrganisationMode.LIVE);
        assertThat(fx.control.resumeOn(org)).isEmpty();
    }

    @Test
    void a_pause_without_a_day_drops_the_day_set_before() {
        OrganisationId org = fx.liveOrganisation("Indefinite Ltd", LedgerProvider.XERO);
        fx.control.pauseUntil(org, TODAY.plusDays(3), "gus", fx.clock.instant());
        fx.control.pause(org, fx.clock.instant());
        fx.clock.advance(Duration.ofDays(5));
        assertThat(fx.control.resumeDue(fx.clock.instant())).doesNotContain(org);
        assertThat(fx.organisations.find(org).orElseThrow().mode()).isEqualTo(OrganisationMode.PAUSED);
    }
}
