package dev.arrears.domain.statutory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateTableTest {

    private final RateTable bankRate = Regimes.BOE_BANK_RATE;

    @Test
    void aRateHoldsFromItsOwnDayUntilTheDayBeforeTheNextRow() {
        // 2025-12-18 cut to 3.75: 17 Dec still 4.00, 18 Dec already 3.75
        assertThat(bankRate.entryOn(LocalDate.of(2025, 12, 17)).ratePercent()).isEqualByComparingTo("4.00");
        assertThat(bankRate.entryOn(LocalDate.of(2025, 12, 18)).ratePercent()).isEqualByComparingTo("3.75");
        assertThat(bankRate.entryOn(LocalDate.of(2026, 6, 30)).ratePercent()).isEqualByComparingTo("3.75");
    }

    @Test
    void aDateBeforeTheFirstRowIsAnErrorNamingTheTableAndItsStart() {
        assertThatThrownBy(() -> bankRate.entryOn(LocalDate.of(2022, 12, 14)))
                .isInstanceOf(RateNotKnownException.class)
                .hasMessageContaining("BoE Bank Rate")
                .hasMessageContaining("no rate for 2022-12-14")
                .hasMessageContaining("starts on 2022-12-15");
    }

    @Test
    void aDateAfterTheTableWasLastCheckedIsAnErrorNotAnAssumedUnchangedRate() {
        // The 5 Nov 2026 decision is not in the table: 31 Dec 2026 must not silently read 3.75.
        assertThatThrownBy(() -> bankRate.entryOn(LocalDate.of(2026, 12, 31)))
                .isInstanceOf(RateNotKnownException.class)
                .hasMessageContaining("only known through 2026-10-06")
                .hasMessageContaining("move known_through");
        assertThat(bankRate.entryOn(LocalDate.of(2026, 10, 6)).ratePercent()).isEqualByComparingTo("3.75");
    }

    @Test
    void aHalfYearlyTableIsKnownThroughTheEndOfItsLastHalfYear() {
        RateTable basis = Regimes.halfYearly("Basiszinssatz", Regimes.BASISZINSSATZ);
        assertThat(basis.entryOn(LocalDate.of(2026, 12, 31)).ratePercent()).isEqualByComparingTo("1.52");
        assertThatThrownBy(() -> basis.entryOn(LocalDate.of(2027, 1, 1))).isInstanceOf(RateNotKnownException.class);
    }

    @Test
    void rowsOutOfOrderAreRejected() {
        RateEntry later = new RateEntry(LocalDate.of(2025, 7, 1), BigDecimal.ONE, "s", Confidence.HIGH);
        RateEntry earlier = new RateEntry(LocalDate.of(2025, 1, 1), BigDecimal.ONE, "s", Confidence.HIGH);
        assertThatThrownBy(() -> new RateTable("t", "t.csv", List.of(later, earlier), LocalDate.of(2025, 12, 31)))
                .hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> new RateTable("t", "t.csv", List.of(), LocalDate.of(2025, 12, 31)))
                .hasMessageContaining("no rows");
    }
}
