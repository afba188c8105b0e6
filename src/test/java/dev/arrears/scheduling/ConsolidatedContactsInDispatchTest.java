package dev.arrears.scheduling;

import static dev.arrears.scheduling.CycleFixture.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.OutboxStatus;
import dev.arrears.domain.contact.ContactRecord;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Reminders of one customer due in the same dispatch run are one contact for the send rules; each is still its own send. */
@QuarkusTest
class ConsolidatedContactsInDispatchTest extends CycleTestBase {

    @Test
    void two_reminders_of_one_customer_go_the_same_day_a_third_next_day_waits_for_the_gap_and_customers_stay_apart()
            throws Exception {
        RecordingLedger xero = fx.ledger(LedgerProvider.XERO);
        CycleFixture.Replica replica = fx.replica("consolidation-1", xero);
        Instant monday = Instant.parse("2025-03-10T10:00:00Z");   // Monday 10:00 in London
        fx.clock.set(monday);
        OrganisationId org = fx.liveOrganisation("Consolidated Ltd", LedgerProvider.XERO);
        LocalDate sunday = LocalDate.of(2025, 3, 9);
        xero.put(invoice(org, "A", "C1", sunday));   // overdue notice due Monday
        xero.put(invoice(org, "B", "C1", sunday));   // the same customer, the same day
        xero.put(invoice(org, "D", "C2", sunday));   // another customer

        replica.cycle().runDue();

        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key).containsExactlyInAnyOrder(
                org + ":A:stage:overdue-notice:reminder:0", org + ":B:stage:overdue-notice:reminder:0",
                org + ":D:stage:overdue-notice:reminder:0");
        // One record per send (each keeps its action key), at the contact's one moment: one contact.
        assertThat(fx.contacts.forCustomer(org, "C1")).hasSize(2).extracting(ContactRecord::at).containsOnly(monday);
        assertThat(fx.rows("select distinct note from contact_record where organisation_id = ? and customer_id = 'C1'",
                org.value())).singleElement().satisfies(row -> assertThat((String) row.getFirst()).startsWith("consolidated contact contact:"));

        Instant tuesday = Instant.parse("2025-03-11T10:00:00Z");
        fx.clock.set(tuesday);
        xero.put(invoice(org, "E", "C1", sunday.plusDays(1)));   // C1's third reminder, due Tuesday
        xero.put(invoice(org, "F", "C3", sunday.plusDays(1)));   // a third customer, due Tuesday
        replica.cycle().runDue();

        String third = org + ":E:stage:overdue-notice:reminder:0";
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key)
                .doesNotContain(third).contains(org + ":F:stage:overdue-notice:reminder:0");
        OutboxEntry waiting = fx.outbox(org).stream().filter(e -> e.action().key().value().equals(third)).findFirst().orElseThrow();
        assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(waiting.nextAttemptAt()).isEqualTo(monday.plus(java.time.Duration.ofDays(3)));   // the minimum gap
        assertThat(waiting.lastError()).hasValueSatisfying(e -> assertThat(e).contains("minimum gap"));

        fx.clock.set(monday.plus(java.time.Duration.ofDays(3)));
        replica.dispatch().dispatchDue();
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key).containsOnlyOnce(third);
        assertThat(fx.contacts.forCustomer(org, "C2")).hasSize(1);
        assertThat(fx.contacts.forCustomer(org, "C3")).hasSize(1);
    }
}
