package dev.arrears.domain.statutory;

import static dev.arrears.domain.statutory.Regimes.invoice;
import static dev.arrears.domain.statutory.Regimes.paid;
import static dev.arrears.domain.statutory.Regimes.period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.domain.money.Money;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoundingAndCompensationTest {

    private final StatutoryInterestCalculator uk = new StatutoryInterestCalculator(Regimes.UK);

    @Test
    void yenHasNoMinorUnit() {
        // ¥1,000,000 due 2026-03-31 at 11.75 %, 45 days: 1000000 x 0.1175 x 45 / 365 = 5287500 / 365 = 14486.3013699 -> ¥14,486
        assertThat(uk.interest(invoice("1000000", "JPY", "2026-03-31"), period("2026-04-01", "2026-05-15")).amount())
                .isEqualTo(Money.of("14486", "JPY"));
    }

    @Test
    void bahrainiDinarHasThreeDecimals() {
        // BHD 1,000.000, same terms: 1000 x 0.1175 x 45 / 365 = 14.4863014 -> BHD 14.486
        assertThat(uk.interest(invoice("1000.000", "BHD", "2026-03-31"), period("2026-04-01", "2026-05-15")).amount())
                .isEqualTo(Money.of("14.486", "BHD"));
    }

    @Test
    void anExactHalfRoundsUpNotToEven() {
        // ¥219,000 for 1 day at 11.75 %: 219000 x 0.1175 / 365 = 25732.5 / 365 = 70.5 exactly -> ¥71 (half-even would say 70)
        assertThat(uk.interest(invoice("219000", "JPY", "2026-03-31"), period("2026-04-01", "2026-04-01")).amount())
                .isEqualTo(Money.of("71", "JPY"));
        // £2,190.00 for 1 day: 2190 x 0.1175 / 365 = 257.325 / 365 = 0.705 exactly -> £0.71
        assertThat(uk.interest(invoice("2190.00", "GBP", "2026-03-31"), period("2026-04-01", "2026-04-01")).amount())
                .isEqualTo(Money.of("0.71", "GBP"));
    }

    @Test
    void theTotalIsRoundedOnceNotPerSegment() {
        // £1,003 due 2026-01-31 at 11.75 %, £1 paid on 2026-02-01, through 2026-02-02:
        // 1 day on 1003: 1003 x 0.1175 / 365 = 117.8525 / 365 = 0.3228836
        // 1 day on 1002: 1002 x 0.1175 / 365 = 117.735 / 365 = 0.3225616
        // sum 0.6454452 -> £0.65 (rounding each segment first would give 0.32 + 0.32 = £0.64)
        var debt = invoice("1003.00", "GBP", "2026-01-31", List.of(paid("2026-02-01", "1.00", "GBP")));
        StatutoryInterest interest = uk.interest(debt, period("2026-02-01", "2026-02-02"));

        assertThat(interest.segments()).hasSize(2);
        assertThat(interest.amount()).isEqualTo(Money.of("0.65", "GBP"));
    }

    @ParameterizedTest(name = "a debt of £{0} gets £{1}")
    @CsvSource({"999.99, 40.00", "1000.00, 70.00", "9999.99, 70.00", "10000.00, 100.00", "0.01, 40.00", "250000.00, 100.00"})
    void ukFixedSumBandsAtTheirExactBoundaries(String debt, String expected) {
        // s.5A(2): less than £1000 -> £40; £1000 or more but less than £10,000 -> £70; £10,000 or more -> £100
        StatutoryCompensation compensation = uk.fixedCompensation(invoice(debt, "GBP", "2026-03-31"));

        assertThat(compensation.amount()).isEqualTo(Money.of(expected, "GBP"));
        assertThat(compensation.explanation()).contains("s.5A(2)").contains("debt of " + debt + " GBP");
    }

    @Test
    void theBandIsReadWhenInterestStartsSoLaterPartPaymentsDoNotLowerIt() {
        // £1,500 due 2026-03-31, £600 paid on 2026-04-10 (while interest ran): the debt was £1,500 when
        // interest started -> £70, not the £40 a £900 balance would get (RULES.md §6).
        var debt = invoice("1500.00", "GBP", "2026-03-31", List.of(paid("2026-04-10", "600.00", "GBP")));
        assertThat(uk.fixedCompensation(debt).amount()).isEqualTo(Money.of("70.00", "GBP"));
        assertThat(uk.fixedCompensation(debt).explanation()).contains("band: 1000.00 GBP to under 10000.00 GBP");
    }

    @Test
    void euGermanAndFrenchCompensationIsFortyEurosWhateverTheAmount() {
        for (StatutoryRegime regime : List.of(Regimes.EU, Regimes.DE, Regimes.FR)) {
            var calculator = new StatutoryInterestCalculator(regime);
            assertThat(calculator.fixedCompensation(invoice("12.00", "EUR", "2026-03-31")).amount()).isEqualTo(Money.of("40.00", "EUR"));
            assertThat(calculator.fixedCompensation(invoice("99999.00", "EUR", "2026-03-31")).explanation()).contains("any amount");
        }
    }

    @Test
    void compensationInAnotherCurrencyIsRefusedRatherThanConverted() {
        assertThatThrownBy(() -> uk.fixedCompensation(invoice("1000.00", "USD", "2026-03-31")))
                .hasMessageContaining("sets its fixed compensation in GBP")
                .hasMessageContaining("is in USD");
    }

    @Test
    void anInvoicePaidByItsDueDateEarnsNoCompensation() {
        var debt = invoice("1000.00", "GBP", "2026-03-31", List.of(paid("2026-03-30", "1000.00", "GBP")));
        assertThat(uk.fixedCompensation(debt).amount()).isEqualTo(Money.of("0.00", "GBP"));
    }
}
