package dev.arrears.scheduling;

import static dev.arrears.scheduling.CycleFixture.TODAY;
import static dev.arrears.scheduling.CycleFixture.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.cycle.CycleOutcome;
import dev.arrears.application.cycle.CycleRecord;
import dev.arrears.application.ledger.LedgerFailure;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A replica that lost an organisation's lease leaves the new holder's record alone; an action that
 * comes back after its organisation went back to preview comes back previewed.
 */
@QuarkusTest
class LeaseHolderBookkeepingTest extends CycleTestBase {

    @Test
    void a_cycle_that_lost_its_lease_mid_sync_does_not_count_its_failure_on_the_new_holders_record() {
        RecordingLedger xero = fx.ledger(LedgerProvider.XERO);
        OrganisationId org = fx.liveOrganisation("Taken Over Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "A", "C1", TODAY.plusDays(20)));
        CycleFixture.Replica slow = fx.replica("slow", xero);
        // The slow replica's sync outlives its lease; another replica takes the organisation over
        // meanwhile, and then the slow replica's sync fails.
        xero.beforeSync(o -> {
            fx.clock.advance(Duration.ofMinutes(6));
            Instant now = fx.clock.instant();
            assertThat(fx.leases.acquire(org, "new-holder", now, now.plus(Duration.ofMinutes(5)))).isTrue();
        });
        xero.failSync(org, new LedgerFailure.RetryLater("HTTP 503", Optional.empty()));

        CycleOutcome outcome = slow.cycle().runDue().getFirst();

        assertThat(outcome).isInstanceOf(CycleOutcome.Skipped.class);
        CycleRecord record = fx.book.find(org).orElseThrow();
        assertThat(record.leaseOwner()).contains("new-holder");
        assertThat(record.consecutiveFailures()).as("not the new holder's failure").isZero();
        assertThat(record.backoffUntil()).as("the new holder is not backed off").isEmpty();
    }

    @Test
    void a_claimed_action_whose_organisation_went_back_to_preview_meanwhile_returns_previewed_not_pending() {
        RecordingLedger xero = fx.ledger(LedgerProvider.XERO);
        OrganisationId org = fx.liveOrganisation("Back To Preview Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "A", "C1", TODAY.minusDays(2)));
        String key = org + ":A:stage:overdue-notice:reminder:0";
        xero.failNext(key, RecordingLedger.Fault.SERVER_ERROR);
        // The accountant switches the organisation back to preview while the reminder's attempt runs.
        xero.beforeReread(invoiceId -> fx.control.toPreview(org, fx.clock.instant()));

        fx.replica("previewing", xero).cycle().runDue();

        OutboxEntry back = fx.outbox(org).stream().filter(e -> e.action().key().value().equals(key)).findFirst().orElseThrow();
        assertThat(back.status()).as("carried out only under the go-live rule").isEqualTo(OutboxStatus.PREVIEWED);
        assertThat(fx.outbox(org, OutboxStatus.PENDING)).isEmpty();
    }
}
