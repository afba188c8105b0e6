package dev.arrears.domain.statutory;

import static dev.arrears.domain.statutory.Regimes.invoice;
import static dev.arrears.domain.statutory.Regimes.period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.domain.money.Money;
import org.junit.jupiter.api.Test;

/**
 * EU, Germany and France re-read the reference rate for each half-year: a late period crossing
 * 1 July 2026 changes rate there (ECB 2.15 -> 2.40, Basiszinssatz 1.27 -> 1.52). The same debt for
 * all three: €10,000 due 2026-05-31, interest 2026-06-01..2026-07-31 = 30 days in H1 + 31 in H2.
 */
class HalfYearlyStatutoryInterestTest {

    private final InterestPeriod juneAndJuly = period("2026-06-01", "2026-07-31");

    @Test
    void euMinimumIsEcbPlusEightPerHalfYear() {
        // H1: 2.15 + 8 = 10.15 %: 10000 x 0.1015 x 30 / 365 = 30450 / 365 = 83.4246575
        // H2: 2.40 + 8 = 10.40 %: 10000 x 0.1040 x 31 / 365 = 32240 / 365 = 88.3287671
        // total 171.7534246 -> €171.75
        StatutoryInterest interest = new StatutoryInterestCalculator(Regimes.EU)
                .interest(invoice("10000.00", "EUR", "2026-05-31"), juneAndJuly);

        assertThat(interest.amount()).isEqualTo(Money.of("171.75", "EUR"));
        assertThat(interest.segments()).extracting(InterestSegment::days).containsExactly(30L, 31L);
        assertThat(interest.computation())
                .contains("8.00% + 2.15% (ECB reference rate in force on 2026-01-01 for 2026-H1) = 10.15% a year on 10000.00 EUR"
                        + " for 30 days, 2026-06-01 to 2026-06-30, /365")
                .contains("8.00% + 2.40% (ECB reference rate in force on 2026-07-01 for 2026-H2) = 10.40% a year on 10000.00 EUR"
                        + " for 31 days, 2026-07-01 to 2026-07-31, /365")
                .endsWith("total 171.753425, rounded once, half-up: 171.75 EUR");
    }

    @Test
    void germanyIsBasiszinssatzPlusNinePerHalfYear() {
        // H1: 1.27 + 9 = 10.27 %: 10000 x 0.1027 x 30 / 365 = 30810 / 365 = 84.4109589
        // H2: 1.52 + 9 = 10.52 %: 10000 x 0.1052 x 31 / 365 = 32612 / 365 = 89.3479452
        // total 173.7589041 -> €173.76
        StatutoryInterest interest = new StatutoryInterestCalculator(Regimes.DE)
                .interest(invoice("10000.00", "EUR", "2026-05-31"), juneAndJuly);

        assertThat(interest.amount()).isEqualTo(Money.of("173.76", "EUR"));
        assertThat(interest.segments()).extracting(InterestSegment::ratePercent)
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("10.27"), new java.math.BigDecimal("10.52"));
    }

    @Test
    void franceIsTauxBcePlusTenPerSemester() {
        // S1: 2.15 + 10 = 12.15 %: 10000 x 0.1215 x 30 / 365 = 36450 / 365 = 99.8630137
        // S2: 2.40 + 10 = 12.40 %: 10000 x 0.1240 x 31 / 365 = 38440 / 365 = 105.3150685
        // total 205.1780822 -> €205.18
        StatutoryInterest interest = new StatutoryInterestCalculator(Regimes.FR)
                .interest(invoice("10000.00", "EUR", "2026-05-31"), juneAndJuly);

        assertThat(interest.amount()).isEqualTo(Money.of("205.18", "EUR"));
    }

    @Test
    void aNegativeReferenceRateIsSubtractedVisibly() {
        // Basiszinssatz -0.88 (2019..2022) -> 9 - 0.88 = 8.12 %; not in the test rows, so a one-row table.
        RateTable negative = Regimes.halfYearly("Basiszinssatz", "2022-07-01 -0.88");
        StatutoryRegime de2022 = new StatutoryRegime("de", "Germany", "§ 288(2) BGB", negative,
                new ReferenceRateRule.PerHalfYear(), new java.math.BigDecimal("9.00"), DayCount.ACT_365,
                PaymentAllocation.INTEREST_FIRST, "§ 367(1) BGB", Regimes.DE.compensation());
        // 1000 x 0.0812 x 10 / 365 = 812 / 365 = 2.2246575 -> €2.22
        StatutoryInterest interest = new StatutoryInterestCalculator(de2022)
                .interest(invoice("1000.00", "EUR", "2022-08-31"), period("2022-09-01", "2022-09-10"));

        assertThat(interest.amount()).isEqualTo(Money.of("2.22", "EUR"));
        assertThat(interest.computation()).contains("9.00% - 0.88% (Basiszinssatz in force on 2022-07-01 for 2022-H2) = 8.12%");
    }

    @Test
    void actActDividesLeapYearDaysBy366AndSplitsAtTheYearEnd() {
        // Germany has no statutory day count (RULES.md §3); act/act is a preset option.
        // €10,000 due 2023-12-15, 2023-12-16..2024-01-14:
        // 2023: 16 days at 3.12 + 9 = 12.12 %, /365: 10000 x 0.1212 x 16 / 365 = 19392 / 365 = 53.1287671
        // 2024 (leap): 14 days at 3.62 + 9 = 12.62 %, /366: 10000 x 0.1262 x 14 / 366 = 17668 / 366 = 48.2732240
        // total 101.4019911 -> €101.40
        StatutoryInterest interest = new StatutoryInterestCalculator(Regimes.de(DayCount.ACT_ACT))
                .interest(invoice("10000.00", "EUR", "2023-12-15"), period("2023-12-16", "2024-01-14"));

        assertThat(interest.amount()).isEqualTo(Money.of("101.40", "EUR"));
        assertThat(interest.segments()).extracting(InterestSegment::yearDays).containsExactly(365, 366);
    }

    @Test
    void act365KeepsDividingBy365InALeapYear() {
        // €10,000 due 2024-01-31, 2024-02-01..2024-03-01 = 29 + 1 = 30 days at 12.62 %:
        // act/365: 10000 x 0.1262 x 30 / 365 = 37860 / 365 = 103.7260274 -> €103.73
        // act/act: 37860 / 366 = 103.4426230 -> €103.44
        var debt = invoice("10000.00", "EUR", "2024-01-31");
        var february = period("2024-02-01", "2024-03-01");
        assertThat(new StatutoryInterestCalculator(Regimes.DE).interest(debt, february).amount())
                .isEqualTo(Money.of("103.73", "EUR"));
        assertThat(new StatutoryInterestCalculator(Regimes.de(DayCount.ACT_ACT)).interest(debt, february).amount())
                .isEqualTo(Money.of("103.44", "EUR"));
    }

    @Test
    void aPeriodReachingAHalfYearNotYetInTheTableIsAnError() {
        // 2027-H1 (ECB decision of 29 Oct 2026 not found) is not tabulated.
        assertThatThrownBy(() -> new StatutoryInterestCalculator(Regimes.FR)
                .interest(invoice("1000.00", "EUR", "2026-11-30"), period("2026-12-01", "2027-01-15")))
                .isInstanceOf(RateNotKnownException.class)
                .hasMessageContaining("taux BCE")
                .hasMessageContaining("no rate for 2027-01-01");
    }

    @Test
    void aPeriodBeforeTheTableStartsIsAnError() {
        assertThatThrownBy(() -> new StatutoryInterestCalculator(Regimes.EU)
                .interest(invoice("1000.00", "EUR", "2022-11-30"), period("2022-12-01", "2023-01-15")))
                .isInstanceOf(RateNotKnownException.class)
                .hasMessageContaining("no rate for 2022-07-01")
                .hasMessageContaining("starts on 2023-01-01");
    }
}
