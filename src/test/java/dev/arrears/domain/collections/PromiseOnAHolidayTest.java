package dev.arrears.domain.collections;

import static dev.arrears.domain.testing.TestInvoices.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.domain.contact.ContactRules;
import dev.arrears.domain.contact.ContactScheduler;
import dev.arrears.domain.contact.Deferral;
import dev.arrears.domain.contact.HolidayCalendar;
import dev.arrears.domain.contact.SendSlot;
import dev.arrears.domain.dunning.CollectionsEvent;
import dev.arrears.domain.dunning.Decision;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.testing.DailyRun;
import dev.arrears.domain.testing.TestFacts;
import dev.arrears.domain.testing.TestPolicies;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A promise to pay by Christmas Day 2026 (a Friday). The promise pauses chasing through the 25th and
 * is judged on the 26th, whatever day that is: the engine works in calendar days. Whether a message
 * can go out on the 26th is the send rules' business: Boxing Day falls on a Saturday, its substitute
 * bank holiday is Monday the 28th, so the reminder goes on Tuesday the 29th at 09:00.
 */
class PromiseOnAHolidayTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate DUE = LocalDate.of(2026, 12, 1);
    private static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25);

    private static final HolidayCalendar ENGLAND = new HolidayCalendar() {
        private final Map<LocalDate, String> days = Map.of(CHRISTMAS, "Christmas Day",
                LocalDate.of(2026, 12, 28), "Boxing Day (substitute day)");

        @Override
        public Optional<String> holidayName(LocalDate date) {
            return Optional.ofNullable(days.get(date));
        }

        @Override
        public String region() {
            return "GB-ENG";
        }
    };

    private static CollectionsContext promise(String amount) {
        var promise = new dev.arrears.domain.collections.PromiseToPay("p1", "inv-1", "cust-1", LocalDate.of(2026, 12, 3), CHRISTMAS,
                Optional.ofNullable(amount).map(a -> dev.arrears.domain.money.Money.of(a, "GBP")), "jo@firm.example", Optional.empty());
        return CollectionsContext.NONE.withPromises(List.of(promise));
    }

    @Test
    void broken_on_christmas_day_it_is_judged_on_boxing_day_and_the_reminder_waits_for_the_send_rules() {
        DailyRun run = DailyRun.of(TestPolicies.defaultLadder(), invoice().due(DUE).build()).with(promise(null));
        run.daily(DUE, LocalDate.of(2026, 12, 27));

        assertThat(run.decisions().get(CHRISTMAS).actions()).isEmpty();
        assertThat(run.decisions().get(CHRISTMAS).reasons()).anyMatch(r -> r.contains("chasing pauses until 2026-12-25 and resumes on 2026-12-26"));
        Decision boxingDay = run.decisions().get(LocalDate.of(2026, 12, 26));
        assertThat(boxingDay.events()).containsExactly(new CollectionsEvent.PromiseBroken("cust-1", "inv-1", "p1", CHRISTMAS));
        assertThat(boxingDay.actions()).filteredOn(PlannedAction.SendReminder.class::isInstance).singleElement()
                .satisfies(a -> assertThat(a.stage()).isEqualTo(TestPolicies.FINAL));

        Instant proposed = LocalDate.of(2026, 12, 26).atTime(9, 0).atZone(LONDON).toInstant();
        SendSlot slot = new ContactScheduler().earliestAllowed("cust-1", proposed, List.of(), ContactRules.defaults(LONDON), ENGLAND);
        assertThat(slot.at()).isEqualTo(Instant.parse("2026-12-29T09:00:00Z"));
        assertThat(slot.deferrals()).anyMatch(d -> d instanceof Deferral.PublicHoliday h && h.date().equals(LocalDate.of(2026, 12, 28)));
    }

    @Test
    void a_payment_dated_the_holiday_itself_keeps_the_promise() {
        DailyRun run = DailyRun.of(TestPolicies.defaultLadder(), d -> d.isBefore(CHRISTMAS) ? invoice().due(DUE).build()
                : invoice().due(DUE).paid(CHRISTMAS, "500.00").build()).with(promise("500.00"));
        run.daily(DUE, LocalDate.of(2026, 12, 26));

        assertThat(run.decisions().get(LocalDate.of(2026, 12, 26)).events())
                .containsExactly(new CollectionsEvent.PromiseKept("cust-1", "inv-1", "p1", CHRISTMAS));
    }

    @Test
    void facts_helper_builds_the_same_promise() {
        assertThat(TestFacts.promise("p1", LocalDate.of(2026, 12, 3), CHRISTMAS, null).resumesOn()).isEqualTo(LocalDate.of(2026, 12, 26));
    }
}
