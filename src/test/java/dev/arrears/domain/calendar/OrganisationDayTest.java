package dev.arrears.domain.calendar;

import static dev.arrears.domain.testing.TestInvoices.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.domain.dunning.Decision;
import dev.arrears.domain.dunning.DunningEngine;
import dev.arrears.domain.dunning.DunningState;
import dev.arrears.domain.testing.TestPolicies;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The day an invoice becomes overdue is decided in the organisation's zone, with that date's offset. */
class OrganisationDayTest {

    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    private final DunningEngine engine = new DunningEngine();

    private Optional<String> stageAt(Instant now, ZoneId zone, LocalDate dueDate) {
        LocalDate today = OrganisationDay.today(now, zone);
        Decision decision = engine.decide(invoice().due(dueDate).build(), DunningState.initial(), TestPolicies.defaultLadder(), today);
        return decision.newState().stage();
    }

    @Test
    void in_auckland_an_invoice_is_overdue_while_it_is_still_the_due_date_in_utc() {
        Instant noonUtc = Instant.parse("2026-01-01T12:00:00Z"); // 2026-01-02 01:00 in Auckland (NZDT, +13)
        LocalDate due = LocalDate.of(2026, 1, 1);
        assertThat(OrganisationDay.today(noonUtc, AUCKLAND)).isEqualTo(LocalDate.of(2026, 1, 2));
        assertThat(OrganisationDay.today(noonUtc, ZoneId.of("UTC"))).isEqualTo(due);
        assertThat(stageAt(noonUtc, AUCKLAND, due)).contains(TestPolicies.OVERDUE);
        assertThat(stageAt(noonUtc, ZoneId.of("UTC"), due)).contains(TestPolicies.HEADS_UP);
    }

    @Test
    void in_auckland_the_overdue_day_starts_at_local_midnight() {
        LocalDate due = LocalDate.of(2026, 1, 1);
        assertThat(stageAt(Instant.parse("2026-01-01T10:59:59Z"), AUCKLAND, due)).contains(TestPolicies.HEADS_UP);
        assertThat(stageAt(Instant.parse("2026-01-01T11:00:00Z"), AUCKLAND, due)).contains(TestPolicies.OVERDUE);
    }

    @Test
    void in_auckland_the_end_of_daylight_saving_moves_local_midnight_by_an_hour() {
        // NZDT (+13) ends on 2026-04-05 at 03:00, back to NZST (+12)
        LocalDate dueBefore = LocalDate.of(2026, 4, 4); // overdue from 2026-04-05 00:00 NZDT = 2026-04-04T11:00Z
        assertThat(stageAt(Instant.parse("2026-04-04T10:59:59Z"), AUCKLAND, dueBefore)).contains(TestPolicies.HEADS_UP);
        assertThat(stageAt(Instant.parse("2026-04-04T11:00:00Z"), AUCKLAND, dueBefore)).contains(TestPolicies.OVERDUE);

        LocalDate dueOnChange = LocalDate.of(2026, 4, 5); // overdue from 2026-04-06 00:00 NZST = 2026-04-05T12:00Z
        assertThat(stageAt(Instant.parse("2026-04-05T11:59:59Z"), AUCKLAND, dueOnChange)).contains(TestPolicies.HEADS_UP);
        assertThat(stageAt(Instant.parse("2026-04-05T12:00:00Z"), AUCKLAND, dueOnChange)).contains(TestPolicies.OVERDUE);
    }

    @Test
    void in_los_angeles_an_invoice_is_not_yet_overdue_while_it_is_already_the_next_day_in_utc() {
        LocalDate due = LocalDate.of(2026, 1, 1);
        Instant earlyUtc = Instant.parse("2026-01-02T07:59:59Z"); // 2026-01-01 23:59:59 PST (-8)
        assertThat(OrganisationDay.today(earlyUtc, LOS_ANGELES)).isEqualTo(due);
        assertThat(stageAt(earlyUtc, LOS_ANGELES, due)).contains(TestPolicies.HEADS_UP);
        assertThat(stageAt(Instant.parse("2026-01-02T08:00:00Z"), LOS_ANGELES, due)).contains(TestPolicies.OVERDUE);
    }

    @Test
    void in_los_angeles_the_start_of_daylight_saving_moves_local_midnight_by_an_hour() {
        // PST (-8) becomes PDT (-7) on 2026-03-08 at 02:00
        LocalDate dueBefore = LocalDate.of(2026, 3, 7); // overdue from 2026-03-08 00:00 PST = 08:00Z
        assertThat(stageAt(Instant.parse("2026-03-08T07:59:59Z"), LOS_ANGELES, dueBefore)).contains(TestPolicies.HEADS_UP);
        assertThat(stageAt(Instant.parse("2026-03-08T08:00:00Z"), LOS_ANGELES, dueBefore)).contains(TestPolicies.OVERDUE);

        LocalDate dueOnChange = LocalDate.of(2026, 3, 8); // overdue from 2026-03-09 00:00 PDT = 07:00Z
        assertThat(stageAt(Instant.parse("2026-03-09T06:59:59Z"), LOS_ANGELES, dueOnChange)).contains(TestPolicies.HEADS_UP);
        assertThat(stageAt(Instant.parse("2026-03-09T07:00:00Z"), LOS_ANGELES, dueOnChange)).contains(TestPolicies.OVERDUE);
    }
}
