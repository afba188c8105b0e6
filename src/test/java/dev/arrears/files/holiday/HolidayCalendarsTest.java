package dev.arrears.files.holiday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.domain.contact.HolidayCalendar;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plain JUnit on purpose: proves the library finds its holiday data and XML binding on an ordinary classpath. */
class HolidayCalendarsTest {

    private static final HolidayCalendar ENGLAND = HolidayCalendars.forCountry("GB", Optional.of("eng"));
    private static final HolidayCalendar SCOTLAND = HolidayCalendars.forCountry("gb", Optional.of("GB-SCT"));
    private static final HolidayCalendar US = HolidayCalendars.forCountry("US", Optional.empty());

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void christmasAndBoxingDayInEnglandWithTheSubstituteMonday() {
        // 2026: Christmas is a Friday, Boxing Day a Saturday, so Monday the 28th is the substitute bank holiday.
        assertThat(ENGLAND.holidayName(date("2026-12-25"))).contains("Christmas");
        assertThat(ENGLAND.holidayName(date("2026-12-26"))).contains("Boxing Day");
        assertThat(ENGLAND.holidayName(date("2026-12-28"))).contains("Boxing Day, substitute day");
        assertThat(ENGLAND.isHoliday(date("2026-12-29"))).isFalse();
        assertThat(ENGLAND.region()).isEqualTo("GB-ENG");
    }

    @Test
    void christmasOnASaturdayMovesBothDays() {
        // 2027: Christmas on Saturday, Boxing Day on Sunday, substitutes on Monday 27th and Tuesday 28th.
        assertThat(ENGLAND.holidayName(date("2027-12-27"))).contains("Christmas, substitute day");
        assertThat(ENGLAND.holidayName(date("2027-12-28"))).contains("Boxing Day, substitute day");
    }

    @Test
    void easterMondayIsABankHolidayInEnglandButNotInScotland() {
        assertThat(ENGLAND.holidayName(date("2026-04-06"))).contains("Easter Monday");
        assertThat(SCOTLAND.isHoliday(date("2026-04-06"))).isFalse();
        assertThat(ENGLAND.isHoliday(date("2026-04-03"))).as("Good Friday").isTrue();
        assertThat(SCOTLAND.isHoliday(date("2026-04-03"))).as("Good Friday").isTrue();
    }

    @Test
    void scotlandHasItsOwnHolidays() {
        assertThat(SCOTLAND.holidayName(date("2026-01-02"))).contains("2nd January");
        assertThat(ENGLAND.isHoliday(date("2026-01-02"))).isFalse();
        assertThat(SCOTLAND.holidayName(date("2026-11-30"))).contains("St. Andrew's Day");
        assertThat(SCOTLAND.region()).isEqualTo("GB-SCT");
    }

    @Test
    void independenceDayOnASaturdayIsObservedOnFriday() {
        assertThat(US.holidayName(date("2026-07-03"))).contains("Independence Day, substitute day");
        assertThat(US.holidayName(date("2026-07-04"))).contains("Independence Day");
        assertThat(US.isHoliday(date("2026-07-06"))).isFalse();
    }

    @Test
    void anObservedDateInTheYearBeforeIsFound() {
        // New Year's Day 2028 is a Saturday; the federal holiday is observed on Friday 2027-12-31.
        assertThat(US.holidayName(date("2027-12-31"))).contains("New Year's Day, substitute day");
    }

    @Test
    void observancesAreNotHolidays() {
        HolidayCalendar arkansas = HolidayCalendars.forCountry("US", Optional.of("ar"));
        assertThat(arkansas.isHoliday(date("2026-12-24"))).as("Christmas Eve, an observance in Arkansas").isFalse();
        assertThat(arkansas.isHoliday(date("2026-12-25"))).isTrue();
    }

    @Test
    void otherCountriesWeServe() {
        assertThat(HolidayCalendars.forCountry("DE", Optional.empty()).isHoliday(date("2026-05-01"))).isTrue();
        assertThat(HolidayCalendars.forCountry("DE", Optional.of("by")).isHoliday(date("2026-01-06"))).as("Epiphany in Bavaria").isTrue();
        assertThat(HolidayCalendars.forCountry("DE", Optional.of("be")).isHoliday(date("2026-01-06"))).as("not in Berlin").isFalse();
        assertThat(HolidayCalendars.forCountry("FR", Optional.empty()).isHoliday(date("2026-07-14"))).isTrue();
        assertThat(HolidayCalendars.forCountry("NZ", Optional.empty()).holidayName(date("2026-02-06"))).contains("Waitangi Day");
        assertThat(HolidayCalendars.forCountry("AU", Optional.empty()).isHoliday(date("2026-01-26"))).as("Australia Day").isTrue();
    }

    @Test
    void anUnknownCountryIsAClearError() {
        assertThatThrownBy(() -> HolidayCalendars.forCountry("ZZ", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no public holiday data for country 'ZZ'");
        assertThatThrownBy(() -> HolidayCalendars.forCountry("GBR", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO 3166-1 two-letter code");
        assertThatThrownBy(() -> HolidayCalendars.forCountry("TARGET", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownSubdivisionNamesTheKnownOnes() {
        assertThatThrownBy(() -> HolidayCalendars.forCountry("GB", Optional.of("GB-XYZ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no subdivision 'GB-XYZ' of GB")
                .hasMessageContaining("eng (England), nir (Northern Ireland), sct (Scotland), wls (Wales)");
    }
}
