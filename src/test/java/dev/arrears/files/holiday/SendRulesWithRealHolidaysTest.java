package dev.arrears.files.holiday;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.domain.contact.ContactRules;
import dev.arrears.domain.contact.ContactScheduler;
import dev.arrears.domain.contact.SendSlot;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scheduler with the library's calendars, as the dispatcher will use it. */
class SendRulesWithRealHolidaysTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final ContactScheduler scheduler = new ContactScheduler();

    private SendSlot slot(String proposed, ContactRules rules, String country, String subdivision) {
        return scheduler.earliestAllowed("c-1", Instant.parse(proposed), List.of(), rules,
                HolidayCalendars.forCountry(country, Optional.ofNullable(subdivision)));
    }

    @Test
    void christmasInEnglandDefersToTuesdayTheTwentyNinth() {
        SendSlot slot = slot("2026-12-24T18:00:00Z", ContactRules.defaults(LONDON), "GB", "eng");
        assertThat(slot.at()).isEqualTo(Instant.parse("2026-12-29T09:00:00Z"));
        assertThat(slot.reasons()).containsExactly(
                "deferred: Thursday 2026-12-24 18:00 is outside the send window Mon–Fri 09:00–17:00 Europe/London",
                "deferred: 2026-12-25 is a public holiday (Christmas) in GB-ENG",
                "deferred: 2026-12-28 is a public holiday (Boxing Day, substitute day) in GB-ENG");
    }

    @Test
    void easterWeekendEndsOnTuesdayInEnglandAndOnMondayInScotland() {
        String goodFriday = "2026-04-03T09:00:00Z"; // 10:00 BST
        assertThat(slot(goodFriday, ContactRules.defaults(LONDON), "GB", "eng").at()).isEqualTo(Instant.parse("2026-04-07T08:00:00Z"));
        assertThat(slot(goodFriday, ContactRules.defaults(LONDON), "GB", "sct").at()).isEqualTo(Instant.parse("2026-04-06T08:00:00Z"));
    }

    @Test
    void theFourthOfJulyObservedOnAFridayDefersToMonday() {
        SendSlot slot = slot("2026-07-03T14:00:00Z", ContactRules.defaults(ZoneId.of("America/New_York")), "US", null); // Friday 10:00 EDT
        assertThat(slot.at()).isEqualTo(Instant.parse("2026-07-06T13:00:00Z")); // Monday 09:00 EDT
        assertThat(slot.reasons()).containsExactly("deferred: 2026-07-03 is a public holiday (Independence Day, substitute day) in US");
    }
}
