package dev.arrears.domain.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SendWindowTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void aWindowWithoutDaysIsRefused() {
        assertThatThrownBy(() -> new SendWindow(Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0), LONDON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one weekday");
    }

    @Test
    void aWindowMustEndAfterItStarts() {
        assertThatThrownBy(() -> SendWindow.weekdays(LocalTime.of(17, 0), LocalTime.of(9, 0), LONDON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must end after it starts: 17:00–09:00");
        assertThatThrownBy(() -> SendWindow.weekdays(LocalTime.of(9, 0), LocalTime.of(9, 0), LONDON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must end after it starts");
    }

    @Test
    void midnightAsTheEndMeansTheEndOfTheDay() {
        SendWindow evenings = SendWindow.weekdays(LocalTime.of(18, 0), LocalTime.MIDNIGHT, LONDON);
        assertThat(evenings.contains(Instant.parse("2026-06-16T22:59:59Z"))).isTrue(); // 23:59:59 BST
        assertThat(evenings.contains(Instant.parse("2026-06-16T23:00:00Z"))).isFalse(); // Wednesday 00:00 BST
        assertThat(evenings.describe()).isEqualTo("Mon–Fri 18:00–24:00 Europe/London");
    }

    @Test
    void theStartIsInsideAndTheEndOutside() {
        SendWindow office = SendWindow.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0), LONDON);
        assertThat(office.contains(Instant.parse("2026-06-16T08:00:00Z"))).isTrue();   // 09:00 BST
        assertThat(office.contains(Instant.parse("2026-06-16T07:59:59Z"))).isFalse();
        assertThat(office.contains(Instant.parse("2026-06-16T15:59:59Z"))).isTrue();
        assertThat(office.contains(Instant.parse("2026-06-16T16:00:00Z"))).isFalse();  // 17:00 BST
    }

    @Test
    void aStartInTheSpringGapOpensWhenTheGapEnds() {
        // Europe/London skips 01:00–02:00 on 2026-03-29; 01:30 never shows, 02:00 BST (01:00Z) is the first moment past it.
        SendWindow night = new SendWindow(EnumSet.allOf(DayOfWeek.class), LocalTime.of(1, 30), LocalTime.of(4, 0), LONDON);
        assertThat(night.earliestOn(LocalDate.of(2026, 3, 29), Instant.parse("2026-03-28T12:00:00Z")))
                .contains(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(night.contains(Instant.parse("2026-03-29T00:59:59Z"))).isFalse();
    }

    @Test
    void aStartInTheAutumnOverlapOpensOnItsFirstOccurrenceOnly() {
        // 01:00–02:00 happens twice on 2026-10-25 in London: first BST (00:00Z–01:00Z), then GMT (01:00Z–02:00Z).
        SendWindow night = new SendWindow(EnumSet.allOf(DayOfWeek.class), LocalTime.of(1, 30), LocalTime.of(1, 45), LONDON);
        assertThat(night.earliestOn(LocalDate.of(2026, 10, 25), Instant.parse("2026-10-24T12:00:00Z")))
                .contains(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(night.contains(Instant.parse("2026-10-25T01:30:00Z"))).as("the repeated 01:30 GMT").isFalse();
    }

    @Test
    void describesItsDaysAsRuns() {
        ZoneId utc = ZoneId.of("UTC");
        LocalTime nine = LocalTime.of(9, 0);
        LocalTime five = LocalTime.of(17, 0);
        assertThat(new SendWindow(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), nine, five, utc).describe())
                .isEqualTo("Mon, Wed, Fri 09:00–17:00 UTC");
        assertThat(new SendWindow(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), nine, five, utc).describe())
                .isEqualTo("Sat, Sun 09:00–17:00 UTC");
        assertThat(new SendWindow(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY), nine, five, utc).describe())
                .isEqualTo("Mon–Wed, Sat 09:00–17:00 UTC");
    }
}
