package dev.arrears.scheduling;

import static dev.arrears.scheduling.CycleFixture.TODAY;
import static dev.arrears.scheduling.CycleFixture.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.AuditKind;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.cycle.GoLiveResult;
import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.DunningState;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.arrears.files.policy.PolicyCatalog;
import dev.arrears.files.policy.PolicyFileLoader;
import dev.arrears.files.policy.PolicyResolver;
import java.nio.file.Files;
import java.nio.file.Path;

/** Preview decides exactly as live and writes nothing; going live sends only each invoice's current stage. */
@QuarkusTest
class PreviewAndGoLiveTest extends OneXeroReplicaTestBase {

    @Test
    void a_preview_organisation_makes_the_same_decisions_as_a_live_one_and_nothing_reaches_its_ledger() {
        OrganisationId preview = fx.organisation("Preview Ltd", LedgerProvider.XERO);
        OrganisationId live = fx.liveOrganisation("Live Twin Ltd", LedgerProvider.XERO);
        assertThat(fx.organisations.find(preview).orElseThrow().mode()).isEqualTo(OrganisationMode.PREVIEW);
        for (OrganisationId org : java.util.List.of(preview, live)) {
            xero.put(invoice(org, "A", "C1", TODAY.plusDays(3)));    // heads-up today, then every stage in turn
            xero.put(invoice(org, "B", "C2", TODAY.minusDays(18)));  // final notice at once
            xero.put(invoice(org, "H", "C3", TODAY.minusDays(29)));  // handed to a person tomorrow
        }

        for (int day = 0; day < 12; day++) {
            replica.cycle().runDue();
            assertThat(states(preview)).as("states on day %d", day).isEqualTo(states(live));
            fx.clock.advance(Duration.ofDays(1));
        }

        assertThat(plans(preview)).isEqualTo(plans(live)).hasSize(10);
        assertThat(fx.outbox(preview)).allMatch(e -> e.status() == OutboxStatus.PREVIEWED);
        assertThat(fx.outbox(live)).noneMatch(e -> e.status() == OutboxStatus.PREVIEWED || e.status() == OutboxStatus.PENDING);
        assertThat(xero.writeCalls(preview)).isZero();
        assertThat(xero.applied(preview)).isEmpty();
        assertThat(xero.applied(live)).hasSize(9); // the tenth is the flag, for a person
        assertThat(fx.audit.byInvoice(new InvoiceRef(preview, "A"), 100)).extracting(r -> r.event().kind())
                .contains(AuditKind.ACTION_PREVIEWED).doesNotContain(AuditKind.ACTION_DONE);
    }

    @Test
    void going_live_sends_only_each_invoices_current_stage_never_the_backlog() {
        OrganisationId org = fx.organisation("Going Live Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "A", "C1", TODAY.plusDays(3)));
        xero.put(invoice(org, "B", "C2", TODAY.minusDays(18)));
        xero.put(invoice(org, "P", "C3", TODAY.minusDays(2)));
        replica.cycle().runDue();                       // A: heads-up (previewed)
        fx.clock.advance(Duration.ofDays(4));
        xero.pay(org, "P");                             // settled while in preview
        replica.cycle().runDue();                       // A: overdue notice (previewed)
        assertThat(fx.outbox(org, OutboxStatus.PREVIEWED)).hasSize(6);

        GoLiveResult result = fx.control.goLive(org, fx.clock.instant());

        assertThat(result.organisation().mode()).isEqualTo(OrganisationMode.LIVE);
        assertThat(result.promoted()).extracting(ActionKey::value).containsExactlyInAnyOrder(
                org + ":A:stage:overdue-notice:reminder:0",
                org + ":B:stage:final-notice:reminder:0", org + ":B:fee:late-fee:p1", org + ":B:stage:final-notice:note:2");
        replica.dispatch().dispatchDue();
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key)
                .containsExactlyInAnyOrderElementsOf(result.promoted().stream().map(ActionKey::value).toList());
        assertThat(fx.outbox(org, OutboxStatus.PREVIEWED)).extracting(e -> e.action().key().value())
                .containsExactlyInAnyOrder(org + ":A:stage:friendly-heads-up:reminder:0",
                        org + ":P:stage:overdue-notice:reminder:0");
        assertThat(fx.audit.byInvoice(new InvoiceRef(org, "A"), 100)).extracting(r -> r.event().kind())
                .contains(AuditKind.ACTION_PROMOTED);

        // From now on, live as usual: the next stage, once, when it comes (A's due date + 7).
        fx.clock.advance(Duration.ofDays(6));
        replica.cycle().runDue();
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key)
                .contains(org + ":A:stage:firmer-reminder:reminder:0").hasSize(5);
    }

    /**
     * A fee period is tagged with the stage whose rule it belongs to, and a repeating rule keeps charging after the
     * invoice moved on: on day 61 the invoice is in 'Final notice' and the interest's third period is tagged
     * 'Overdue notice'. Going live hands that period to the dispatcher with the current stage's reminder.
     */
    @Test
    void going_live_charges_the_latest_period_of_a_repeating_fee_planned_under_an_earlier_stage() throws Exception {
        Files.writeString(dir.resolve("default.yaml"), """
                id: default
                fee_rules:
                  - { id: interest, daily_interest: { annual_rate_percent: 12.0 }, repeat_every_days: 30 }
                stages:
                  - { name: Overdue notice, day: 1, actions: [ { reminder: overdue }, { late_fee: interest } ] }
                  - { name: Final notice, day: 45, actions: [ { reminder: final } ] }
                """);
        PolicyFileLoader loader = new PolicyFileLoader();
        CycleFixture.Replica ownPolicy = fx.replica("go-live-fees", PolicyResolver.load(dir, PolicyCatalog.load(dir, loader), loader), xero);
        OrganisationId org = fx.organisation("Repeating Fees Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "A", "C1", TODAY.minusDays(1)));
        int decidedOn = 1;                                      // today is the first day overdue
        for (int day : new int[] {1, 31, 45, 61}) {             // days after the due date on which the preview decides
            fx.clock.advance(Duration.ofDays(day - decidedOn));
            decidedOn = day;
            ownPolicy.cycle().runDue();
        }
        assertThat(fx.outbox(org, OutboxStatus.PREVIEWED)).extracting(e -> e.action().key().value()).contains(
                org + ":A:fee:interest:p1", org + ":A:fee:interest:p2", org + ":A:fee:interest:p3");

        GoLiveResult result = fx.control.goLive(org, fx.clock.instant());

        assertThat(result.promoted()).extracting(ActionKey::value).containsExactlyInAnyOrder(
                org + ":A:stage:final-notice:reminder:0", org + ":A:fee:interest:p3");
        ownPolicy.dispatch().dispatchDue();
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key)
                .containsExactlyInAnyOrder(org + ":A:stage:final-notice:reminder:0", org + ":A:fee:interest:p3");
    }

    @TempDir
    Path dir;

    @Test
    void back_to_preview_keeps_queued_actions_from_the_ledger() {
        OrganisationId org = fx.liveOrganisation("Second Thoughts Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "A", "C1", TODAY.minusDays(2)));
        xero.failNext(org + ":A:stage:overdue-notice:reminder:0", RecordingLedger.Fault.SERVER_ERROR);
        replica.cycle().runDue();
        assertThat(fx.outbox(org, OutboxStatus.PENDING)).hasSize(1);

        fx.control.toPreview(org, fx.clock.instant());
        fx.clock.advance(Duration.ofHours(2));
        replica.dispatch().dispatchDue();

        assertThat(fx.outbox(org, OutboxStatus.PREVIEWED)).hasSize(1);
        assertThat(xero.applied(org)).isEmpty();
    }

    private Map<String, DunningState> states(OrganisationId org) {
        return fx.states.loadAll(org).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().state()));
    }

    /** What was planned, without the organisation's id in the keys. */
    private Set<String> plans(OrganisationId org) {
        return fx.outbox(org).stream().map(OutboxEntry::action)
                .map(a -> a.key().value().substring(org.toString().length()) + " " + a.getClass().getSimpleName() + " " + a.stage())
                .collect(Collectors.toSet());
    }
}
