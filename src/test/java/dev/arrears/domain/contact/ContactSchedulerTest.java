package dev.arrears.domain.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.domain.dunning.ActionKey;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactSchedulerTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final String CUSTOMER = "cust-1";
    private static final ContactRules OFFICE_HOURS = new ContactRules(
            SendWindow.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0), LONDON), Duration.ZERO, Integer.MAX_VALUE);
    private static final HolidayCalendar NO_HOLIDAYS = HolidayCalendar.none();

    private final ContactScheduler scheduler = new ContactScheduler();

    private SendSlot slot(String proposed, List<ContactRecord> history, ContactRules rules, HolidayCalendar holidays) {
        return scheduler.earliestAllowed(CUSTOMER, Instant.parse(proposed), history, rules, holidays);
    }

    private static ContactRecord automatic(String at) {
        return ContactRecord.automatic(CUSTOMER, Instant.parse(at), ContactChannel.EMAIL, new ActionKey("org:inv-" + at + ":stage:first:email:0"));
    }

    @Test
    void aMomentInsideTheRulesIsKeptAsItIs() {
        SendSlot slot = slot("2026-06-16T10:00:00Z", List.of(), OFFICE_HOURS, NO_HOLIDAYS);
        assertThat(slot.at()).isEqualTo(Instant.parse("2026-06-16T10:00:00Z"));
        assertThat(slot.deferred()).isFalse();
    }

    @Test
    void aWeekendMomentMovesToMondayMorningInTheOrganisationsZone() {
        SendSlot slot = slot("2026-03-14T10:00:00Z", List.of(), OFFICE_HOURS, NO_HOLIDAYS); // Saturday, GMT
        assertThat(slot.at()).isEqualTo(Instant.parse("2026-03-16T09:00:00Z"));
        assertThat(slot.reasons()).containsExactly(
                "deferred: Saturday 2026-03-14 10:00 is outside the send window Mon–Fri 09:00–17:00 Europe/London");
    }

    @Test
    void afterHoursMovesToTheNextMorning() {
        SendSlot slot = slot("2026-06-16T16:30:00Z", List.of(), OFFICE_HOURS, NO_HOLIDAYS); // Tuesday 17:30 BST
        assertThat(slot.at()).isEqualTo(Instant.parse("2026-06-17T08:00:00Z"));  // Wednesday 09:00 BST
        assertThat(slot.reasons()).containsExactly(
                "deferred: Tuesday 2026-06-16 17:30 is outside the send window Mon–Fri 09:00–17:00 Europe/London");
    }

    @Test
    void beforeHoursMovesToTheOpeningTheSameDay() {
        assertThat(slot("2026-06-16T05:00:00Z", List.of(), OFFICE_HOURS, NO_HOLIDAYS).at())
                .isEqualTo(Instant.parse("2026-06-16T08:00:00Z"));
    }

    @Test
    void theEndOfTheWindowIsAlreadyOutside() {
        assertThat(slot("2026-06-16T16:00:00Z", List.of(), OFFICE_HOURS, NO_HOLIDAYS).at()) // 17:00 BST exactly
                .isEqualTo(Instant.parse("2026-06-17T08:00:00Z"));
    }

    @Test
    void aHolidayOnAFridayMovesToMonday() {
        HolidayCalendar goodFriday = new FixedHolidays("GB", Map.of(LocalDate.of(2026, 4, 3), "Good Friday"));
        SendSlot slot = slot("2026-04-03T10:00:00Z", List.of(), OFFICE_HOURS, goodFriday);
        assertThat(slot.at()).isEqualTo(Instant.parse("2026-04-06T08:00:00Z")); // Monday 09:00 BST
        assertThat(slot.reasons()).containsExactly("deferred: 2026-04-03 is a public holiday (Good Friday) in GB");
    }

    @Test
    void consecutiveHolidaysAreAllSkippedAndNamed() {
        HolidayCalendar christmas = new FixedHolidays("GB", Map.of(
                LocalDate.of(2026, 12, 25), "Christmas Day", LocalDate.of(2026, 12, 28), "Boxing Day"));
        SendSlot slot = slot("2026-12-24T18:00:00Z", List.of(), OFFICE_HOURS, christmas); // Thursday after hours
        assertThat(slot.at()).isEqualTo(Instant.parse("2026-12-29T09:00:00Z"));
        assertThat(slot.reasons()).containsExactly(
                "deferred: Thursday 2026-12-24 18:00 is outside the send window Mon–Fri 09:00–17:00 Europe/London",
                "deferred: 2026-12-25 is a public holiday (Christmas Day) in GB",
                "deferred: 2026-12-28 is a public holiday (Boxing Day) in GB");
    }

    @Test
    void londonSpringForwardWeekend() {
        // Friday 18:00 GMT; the clocks go forward on Sunday 2026-03-29, so Monday 09:00 is 08:00Z.
        assertThat(slot("2026-03-27T18:00:00Z", List.of(), OFFICE_HOURS, NO_HOLIDAYS).at())
                .isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
    }

    @Test
    void londonFallBackWeekend() {
        // Friday 18:00 BST; the clocks go back on Sunday 2026-10-25, so Monday 09:00 is 09:00Z.
        assertThat(slot("2026-10-23T17:00:00Z", List.of(), OFFICE_HOURS, NO_HOLIDAYS).at())
                .isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));
    }

    @Test
    void aWindowStartingInTheLondonGapOpensAtTheEndOfTheGap() {
        ContactRules nights = new ContactRules(new SendWindow(EnumSet.allOf(DayOfWeek.class), LocalTime.of(1, 30), LocalTime.of(4, 0), LONDON),
                Duration.ZERO, Integer.MAX_VALUE);
        assertThat(slot("2026-03-28T05:00:00Z", List.of(), nights, NO_HOLIDAYS).at())
                .isEqualTo(Instant.parse("2026-03-29T01:00:00Z")); // 02:00 BST, the first moment past 01:30
    }

    @Test
    void aucklandSpringForwardWeekend() {
        // Friday 2026-09-25 17:30 NZST (+12); NZDT (+13) starts Sunday 27th, so Monday 09:00 is Sunday 20:00Z.
        ContactRules auckland = new ContactRules(SendWindow.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0), AUCKLAND), Duration.ZERO, Integer.MAX_VALUE);
        assertThat(slot("2026-09-25T05:30:00Z", List.of(), auckland, NO_HOLIDAYS).at())
                .isEqualTo(Instant.parse("2026-09-27T20:00:00Z"));
    }

    @Test
    void aucklandGapAndOverlapForAWindowInTheSmallHours() {
        ContactRules smallHours = new ContactRules(new SendWindow(EnumSet.allOf(DayOfWeek.class), LocalTime.of(2, 30), LocalTime.of(4, 0), AUCKLAND),
                Duration.ZERO, Integer.MAX_VALUE);
        // 2026-09-27 02:00 NZST jumps to 03:00 NZDT: 02:30 never shows, the window opens at 03:00 NZDT = 14:00Z.
        assertThat(slot("2026-09-26T13:00:00Z", List.of(), smallHours, NO_HOLIDAYS).at())
                .isEqualTo(Instant.parse("2026-09-26T14:00:00Z"));
        // 2026-04-05 03:00 NZDT falls back to 02:00 NZST: the first 02:30 is NZDT (+13) = 13:30Z the day before in UTC.
        assertThat(slot("2026-04-04T12:00:00Z", List.of(), smallHours, NO_HOLIDAYS).at())
                .isEqualTo(Instant.parse("2026-04-04T13:30:00Z"));
    }

    @Test
    void aManualContactAnHourEarlierStartsTheGap() {
        ContactRules rules = ContactRules.defaults(LONDON);
        ContactRecord call = ContactRecord.manual(CUSTOMER, Instant.parse("2026-06-17T14:00:00Z"), ContactChannel.PHONE); // Wed 15:00 BST
        SendSlot slot = slot("2026-06-17T15:00:00Z", List.of(call), rules, NO_HOLIDAYS);
        assertThat(slot.at()).isEqualTo(Instant.parse("2026-06-22T08:00:00Z")); // the gap ends Saturday, so Monday 09:00 BST
        assertThat(slot.reasons()).containsExactly(
                "deferred: last contact with this customer was at 2026-06-17 15:00 Europe/London (minimum gap 3 days)",
                "deferred: Saturday 2026-06-20 15:00 is outside the send window Mon–Fri 09:00–17:00 Europe/London");
    }

    @Test
    void theMinimumGapCountsCalendarDaysOfTheZoneAcrossASpringForward() {
        // A call on Friday 2026-03-27 at 16:30 GMT; the clocks go forward on Sunday 29 March. Three days later is
        // Monday 16:30 BST, inside the window: 72 hours would be 17:30 BST and push the reminder to Tuesday.
        ContactRules rules = new ContactRules(OFFICE_HOURS.window(), Duration.ofDays(3), Integer.MAX_VALUE);
        ContactRecord call = ContactRecord.manual(CUSTOMER, Instant.parse("2026-03-27T16:30:00Z"), ContactChannel.PHONE);

        SendSlot slot = slot("2026-03-30T08:00:00Z", List.of(call), rules, NO_HOLIDAYS); // Monday 09:00 BST

        assertThat(slot.at()).isEqualTo(Instant.parse("2026-03-30T15:30:00Z")); // Monday 16:30 BST
    }

    @Test
    void aLaterContactIsAlsoKeptCalendarDaysAwayAcrossASpringForward() {
        // The same gap towards a contact recorded after the candidate: Friday 16:00 GMT is three calendar days
        // before Monday 16:00 BST, which is only 71 hours later.
        ContactRules rules = new ContactRules(new SendWindow(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT,
                LONDON), Duration.ofDays(3), Integer.MAX_VALUE);
        ContactRecord later = ContactRecord.manual(CUSTOMER, Instant.parse("2026-03-30T15:00:00Z"), ContactChannel.PHONE);

        assertThat(slot("2026-03-27T16:00:00Z", List.of(later), rules, NO_HOLIDAYS).at())
                .isEqualTo(Instant.parse("2026-03-27T16:00:00Z"));
    }

    @Test
    void theGapAlsoHoldsTowardsALaterRecordedContact() {
        ContactRules rules = ContactRules.defaults(LONDON);
        SendSlot slot = slot("2026-06-16T09:00:00Z", List.of(automatic("2026-06-18T09:00:00Z")), rules, NO_HOLIDAYS);
        assertThat(slot.at()).isEqualTo(Instant.parse("2026-06-22T08:00:00Z"));
        assertThat(slot.reasons()).first().isEqualTo(
                "deferred: another contact with this customer is recorded at 2026-06-18 10:00 Europe/London (minimum gap 3 days)");
    }

    @Test
    void contactsWithOtherCustomersDoNotCount() {
        ContactRecord other = ContactRecord.manual("cust-2", Instant.parse("2026-06-16T09:00:00Z"), ContactChannel.PHONE);
        assertThat(slot("2026-06-16T10:00:00Z", List.of(other), ContactRules.defaults(LONDON), NO_HOLIDAYS).deferred()).isFalse();
    }

    @Test
    void aFourthContactWaitsUntilTheOldestOfThreeLeavesTheSevenDays() {
        ContactRules threeAWeek = new ContactRules(OFFICE_HOURS.window(), Duration.ofDays(1), 3);
        List<ContactRecord> history = List.of(
                automatic("2026-06-08T09:00:00Z"), automatic("2026-06-09T09:00:00Z"), automatic("2026-06-10T09:00:00Z"));
        SendSlot slot = slot("2026-06-11T09:00:00Z", history, threeAWeek, NO_HOLIDAYS);
        assertThat(slot.at()).isEqualTo(Instant.parse("2026-06-15T09:00:00Z")); // Monday 8th + 7 days
        assertThat(slot.reasons()).containsExactly("deferred: 3 contacts in the last 7 days (cap 3)");
    }

    @Test
    void allRulesTogether() {
        ContactRules rules = ContactRules.defaults(LONDON); // Mon–Fri 09:00–17:00, gap 3 days, at most 2 per 7 days
        HolidayCalendar christmas = new FixedHolidays("GB", Map.of(
                LocalDate.of(2026, 12, 25), "Christmas Day", LocalDate.of(2026, 12, 28), "Boxing Day"));
        List<ContactRecord> history = List.of(
                ContactRecord.manual(CUSTOMER, Instant.parse("2026-12-22T15:00:00Z"), ContactChannel.PHONE),
                automatic("2026-12-24T10:00:00Z"));
        SendSlot slot = slot("2026-12-24T12:00:00Z", history, rules, christmas);
        // gap → Sunday 27th 10:00; window → Monday 28th is Boxing Day → Tuesday 29th 09:00;
        // cap → the call of the 22nd at 15:00 leaves the 7 days at 15:00 on the 29th.
        assertThat(slot.at()).isEqualTo(Instant.parse("2026-12-29T15:00:00Z"));
        assertThat(slot.reasons()).containsExactly(
                "deferred: last contact with this customer was at 2026-12-24 10:00 Europe/London (minimum gap 3 days)",
                "deferred: Sunday 2026-12-27 10:00 is outside the send window Mon–Fri 09:00–17:00 Europe/London",
                "deferred: 2026-12-28 is a public holiday (Boxing Day) in GB",
                "deferred: 2 contacts in the last 7 days (cap 2)");
    }

    @Test
    void noRulesAllowEveryMoment() {
        Instant sundayNight = Instant.parse("2026-12-27T23:59:59.999999999Z");
        SendSlot slot = scheduler.earliestAllowed(CUSTOMER, sundayNight, List.of(automatic("2026-12-27T23:59:59Z")), ContactRules.none(), NO_HOLIDAYS);
        assertThat(slot.at()).isEqualTo(sundayNight);
        assertThat(slot.deferred()).isFalse();
    }

    @Test
    void aSearchThatCannotSucceedEndsWithAnExplicitError() {
        HolidayCalendar everyDay = new HolidayCalendar() {
            @Override
            public java.util.Optional<String> holidayName(LocalDate date) {
                return java.util.Optional.of("Festival");
            }

            @Override
            public String region() {
                return "Nowhere";
            }
        };
        assertThatThrownBy(() -> slot("2026-06-16T10:00:00Z", List.of(), OFFICE_HOURS, everyDay))
                .isInstanceOf(NoSendSlotException.class)
                .hasMessageContaining("no moment within 732 days")
                .hasMessageContaining("customer 'cust-1'")
                .hasMessageContaining("holidays of Nowhere");
    }
}
