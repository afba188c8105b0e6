package dev.arrears.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void holdsEachCurrencyAtItsOwnMinorUnits() {
        assertThat(Money.of("1500", "JPY").amount()).isEqualByComparingTo("1500").hasScaleOf(0);
        assertThat(Money.of("12.5", "GBP").amount()).hasScaleOf(2).isEqualTo(new BigDecimal("12.50"));
        assertThat(Money.of("1.25", "BHD").amount()).hasScaleOf(3).isEqualTo(new BigDecimal("1.250"));
    }

    @Test
    void refusesAnAmountFinerThanTheCurrencyAllowsInsteadOfRoundingSilently() {
        assertThatThrownBy(() -> Money.of("10.5", "JPY"))
                .hasMessageContaining("JPY").hasMessageContaining("(0)");
        assertThatThrownBy(() -> Money.of("1.2345", "BHD"))
                .hasMessageContaining("BHD").hasMessageContaining("(3)");
    }

    @Test
    void acceptsTrailingZerosBeyondTheMinorUnit() {
        assertThat(Money.of("100.000", "GBP")).isEqualTo(Money.of("100", "GBP"));
    }

    @Test
    void roundsOnlyWhenToldHow() {
        Money principal = Money.of("1000.00", "GBP");
        BigDecimal oneThird = new BigDecimal("0.0033333333");
        assertThat(principal.times(oneThird, RoundingMode.HALF_UP)).isEqualTo(Money.of("3.33", "GBP"));
        assertThat(principal.times(oneThird, RoundingMode.UP)).isEqualTo(Money.of("3.34", "GBP"));
        assertThat(Money.of("1000", "JPY").times(new BigDecimal("0.015"), RoundingMode.HALF_EVEN))
                .isEqualTo(Money.of("15", "JPY"));
        assertThat(Money.of("1.000", "BHD").times(new BigDecimal("0.0125"), RoundingMode.HALF_UP))
                .isEqualTo(Money.of("0.013", "BHD"));
        assertThat(Money.of("1.000", "BHD").times(new BigDecimal("0.0125"), RoundingMode.HALF_DOWN))
                .isEqualTo(Money.of("0.012", "BHD"));
    }

    @Test
    void neverMixesCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "GBP").plus(Money.of("1", "EUR")))
                .hasMessageContaining("GBP").hasMessageContaining("EUR");
        assertThatThrownBy(() -> Money.of("1", "GBP").compareTo(Money.of("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void explainsAnUnknownCurrency() {
        assertThatThrownBy(() -> Money.of("1", "XYZ")).hasMessageContaining("'XYZ' is not an ISO 4217 currency code");
        assertThatThrownBy(() -> Money.of("1", "XAU")).hasMessageContaining("no minor unit");
    }

    @Test
    void printsPlainDigitsAndTheCode() {
        assertThat(Money.of("1234.5", "EUR")).hasToString("1234.50 EUR");
        assertThat(Money.of("-3", "JPY")).hasToString("-3 JPY");
    }
}
