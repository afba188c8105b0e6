package dev.arrears.domain.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContactRulesTest {

    private static final SendWindow OFFICE = SendWindow.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0), ZoneId.of("Europe/London"));

    @Test
    void theDefaultsAreOfficeHoursAThreeDayGapAndTwoAWeek() {
        ContactRules defaults = ContactRules.defaults(ZoneId.of("Pacific/Auckland"));
        assertThat(defaults.window().describe()).isEqualTo("Mon–Fri 09:00–17:00 Pacific/Auckland");
        assertThat(defaults.minimumGap()).isEqualTo(Duration.ofDays(3));
        assertThat(defaults.maxContactsPer7Days()).isEqualTo(2);
    }

    @Test
    void aNegativeGapIsRefused() {
        assertThatThrownBy(() -> new ContactRules(OFFICE, Duration.ofHours(-1), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be negative");
    }

    @Test
    void aCapBelowOneIsRefused() {
        assertThatThrownBy(() -> new ContactRules(OFFICE, Duration.ofDays(3), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 (it was 0)");
    }

    @Test
    void anAutomaticContactMustNameItsAction() {
        assertThatThrownBy(() -> new ContactRecord("c", Instant.EPOCH, ContactChannel.EMAIL, ContactOrigin.AUTOMATIC, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must name the action");
    }

    @Test
    void aContactNeedsACustomer() {
        assertThatThrownBy(() -> ContactRecord.manual(" ", Instant.EPOCH, ContactChannel.PHONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customer id");
    }
}
