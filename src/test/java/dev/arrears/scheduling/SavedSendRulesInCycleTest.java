package dev.arrears.scheduling;

import static dev.arrears.scheduling.CycleFixture.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.policy.OrganisationSettingsEditing;
import dev.arrears.application.policy.PolicyEditing;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Send rules saved while the daemon runs (the console, the admin API) apply from the next cycle, without a restart. */
@QuarkusTest
class SavedSendRulesInCycleTest extends OneXeroReplicaTestBase {

    @Inject
    OrganisationSettingsEditing settings;

    @Test
    void a_send_window_saved_between_two_cycles_defers_the_next_cycle_s_reminder_to_the_new_window() {
        fx.clock.set(Instant.parse("2025-03-10T10:00:00Z"));   // Monday 10:00 in London
        OrganisationId org = fx.liveOrganisation("Window Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "A", "C1", LocalDate.of(2025, 3, 9)));
        replica.cycle().runDue();
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key)
                .containsExactly(org + ":A:stage:overdue-notice:reminder:0");

        PolicyEditing.Outcome saved = settings.importDocument(org + ".yaml", """
                organisation: %s
                send_rules:
                  window: { from: "14:00", until: "17:00" }
                """.formatted(org), "operator");
        assertThat(saved).isInstanceOf(PolicyEditing.Saved.class);
        xero.put(invoice(org, "B", "C2", LocalDate.of(2025, 3, 9)));
        fx.clock.set(Instant.parse("2025-03-10T10:30:00Z"));
        replica.cycle().runDue();

        String second = org + ":B:stage:overdue-notice:reminder:0";
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key).doesNotContain(second);
        OutboxEntry waiting = fx.outbox(org).stream().filter(e -> e.action().key().value().equals(second)).findFirst().orElseThrow();
        assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(waiting.nextAttemptAt()).isEqualTo(Instant.parse("2025-03-10T14:00:00Z"));
    }
}
