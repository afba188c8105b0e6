package dev.arrears.domain.fee;

import static dev.arrears.domain.testing.TestInvoices.invoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.domain.dunning.ChargedFee;
import dev.arrears.domain.dunning.FeeApplication;
import dev.arrears.domain.money.Money;
import dev.arrears.domain.policy.FeeCaps;
import dev.arrears.domain.policy.FeeComputation;
import dev.arrears.domain.policy.LateFeeRule;
import dev.arrears.domain.statutory.Regimes;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Statutory presets as fee rules. UK figures: a debt due 2026-01-01 starts interest on 2026-01-02
 * and takes the Bank Rate of 2025-12-31 (3.75 %), so 8 + 3.75 = 11.75 % a year, /365.
 */
class StatutoryFeeTest {

    private static final LocalDate STAGE = LocalDate.of(2026, 1, 15);

    private final LateFeeCalculator calculator = new LateFeeCalculator();

    private static LateFeeRule interest(Optional<Integer> every) {
        // DOWN on purpose: statutory interest is rounded half-up whatever the rule says.
        return new LateFeeRule("statutory-interest", new FeeComputation.StatutoryInterest(Regimes.UK), 0, every,
                FeeCaps.NONE, RoundingMode.DOWN);
    }

    private static LateFeeRule compensation() {
        return new LateFeeRule("statutory-compensation", new FeeComputation.StatutoryCompensation(Regimes.UK), 0,
                Optional.empty(), FeeCaps.NONE, RoundingMode.HALF_UP);
    }

    private static FeeApplication charged(FeeOutcome outcome) {
        assertThat(outcome).isInstanceOf(FeeOutcome.Charge.class);
        return ((FeeOutcome.Charge) outcome).fee();
    }

    private static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(2026, month, dayOfMonth);
    }

    @Test
    void first_charge_accrues_from_the_day_after_the_due_date_and_states_the_computation() {
        // 2026-01-02..2026-01-15 = 14 days: 1000 x 11.75 x 14 / 36500 = 4.5068493 -> 4.51 (half-up, not the rule's DOWN)
        FeeApplication fee = charged(calculator.calculate(invoice().build(), interest(Optional.of(30)), STAGE, List.of(), STAGE));

        assertThat(fee.amount()).isEqualTo(Money.of("4.51", "GBP"));
        assertThat(fee.accruedFrom()).isEqualTo(day(1, 2));
        assertThat(fee.chargeDate()).isEqualTo(STAGE);
        assertThat(fee.computation())
                .contains("8.00% + 3.75% (BoE Bank Rate on 2025-12-31, fixed for this debt) = 11.75% a year on 1000.00 GBP"
                        + " for 14 days, 2026-01-02 to 2026-01-15, /365")
                .contains("rounded once, half-up: 4.51 GBP");
    }

    @Test
    void a_later_period_accrues_from_the_day_after_the_last_charge() {
        // 2026-01-16..2026-02-14 = 30 days: 1000 x 11.75 x 30 / 36500 = 9.6575342 -> 9.66
        List<ChargedFee> done = List.of(new ChargedFee("statutory-interest", 1, STAGE, Money.of("4.51", "GBP")));
        FeeApplication fee = charged(calculator.calculate(invoice().build(), interest(Optional.of(30)), STAGE, done, day(2, 14)));

        assertThat(fee.period()).isEqualTo(2);
        assertThat(fee.accruedFrom()).isEqualTo(day(1, 16));
        assertThat(fee.amount()).isEqualTo(Money.of("9.66", "GBP"));
    }

    @Test
    void a_part_payment_halfway_through_a_period_lowers_the_principal_from_the_next_day() {
        // 500.00 paid on 2026-01-31. Period 2 covers 2026-01-16..2026-02-14:
        // 16 days on 1000: 1000 x 11.75 x 16 / 36500 = 5.1506849; 14 days on 500: 500 x 11.75 x 14 / 36500 = 2.2534247
        // total 7.4041096 -> 7.40
        var partlyPaid = invoice().paid(day(1, 31), "500.00").build();
        List<ChargedFee> done = List.of(new ChargedFee("statutory-interest", 1, STAGE, Money.of("4.51", "GBP")));
        FeeApplication fee = charged(calculator.calculate(partlyPaid, interest(Optional.of(30)), STAGE, done, day(2, 14)));

        assertThat(fee.amount()).isEqualTo(Money.of("7.40", "GBP"));
        assertThat(fee.computation())
                .contains("on 1000.00 GBP for 16 days, 2026-01-16 to 2026-01-31")
                .contains("on 500.00 GBP for 14 days, 2026-02-01 to 2026-02-14")
                .contains("payment of 500.00 GBP on 2026-01-31 lowers the principal from 2026-02-01");
    }

    @Test
    void through_the_engine_a_statutory_interest_invoice_partly_paid_halfway_through_a_period() {
        // Interest every 30 days from the final notice (2026-01-15); 500.00 paid on 2026-01-31.
        var rule = interest(Optional.of(30));
        var policy = dev.arrears.domain.testing.TestPolicies.defaultLadder(rule);
        var run = dev.arrears.domain.testing.DailyRun.of(policy, d -> d.isBefore(day(1, 31)) ? invoice().build()
                : invoice().paid(day(1, 31), "500.00").build());
        run.daily(day(1, 1), day(3, 20));

        // 01-15: 4.51 (14 days on 1000); 02-14: 7.40 (16 days on 1000, 14 on 500);
        // 03-16: 02-15..03-16 = 30 days on 500: 500 x 11.75 x 30 / 36500 = 4.8287671 -> 4.83
        assertThat(run.state().fees()).extracting(f -> f.chargeDate() + " " + f.amount())
                .containsExactly("2026-01-15 4.51 GBP", "2026-02-14 7.40 GBP", "2026-03-16 4.83 GBP");
    }

    @Test
    void a_reference_rate_the_table_does_not_know_yet_charges_nothing_and_says_why() {
        // Due 2026-12-31: interest starts 2027-01-01 and needs the Bank Rate of 2026-12-31; the table is known to 2026-10-06.
        var lateInYear = invoice().due(LocalDate.of(2026, 12, 31)).build();
        FeeOutcome outcome = calculator.calculate(lateInYear, interest(Optional.empty()), LocalDate.of(2027, 1, 14),
                List.of(), LocalDate.of(2027, 1, 14));

        assertThat(outcome).isInstanceOf(FeeOutcome.NothingDue.class);
        assertThat(outcome.reason()).startsWith("fee 'statutory-interest': period 1 (2027-01-14) not charged: ")
                .contains("2026-12-31");
    }

    @Test
    void no_day_is_charged_twice_when_interest_is_already_charged_up_to_the_charge_date() {
        List<ChargedFee> done = List.of(new ChargedFee("statutory-interest", 1, day(2, 20), Money.of("9.00", "GBP")));
        FeeOutcome outcome = calculator.calculate(invoice().build(), interest(Optional.of(30)), STAGE, done, day(2, 14));

        assertThat(outcome.reason()).contains("no day of interest left");
    }

    @Test
    void compensation_is_the_band_for_the_debt_when_interest_started() {
        FeeApplication fee = charged(calculator.calculate(invoice().build(), compensation(), STAGE, List.of(), STAGE));

        assertThat(fee.amount()).isEqualTo(Money.of("70.00", "GBP"));
        assertThat(fee.computation()).contains("debt of 1000.00 GBP").contains("70.00 GBP").contains("s.5A(2)");
    }

    @Test
    void compensation_is_charged_once_per_invoice() {
        List<ChargedFee> done = List.of(new ChargedFee("statutory-compensation", 1, STAGE, Money.of("70.00", "GBP")));
        FeeOutcome outcome = calculator.calculate(invoice().build(), compensation(), STAGE, done, day(3, 1));

        assertThat(outcome).isInstanceOf(FeeOutcome.NothingDue.class);
        assertThat(outcome.reason()).contains("already charged");
    }

    @Test
    void compensation_is_only_charged_in_the_regimes_currency_and_another_currency_goes_to_a_person() {
        FeeOutcome outcome = calculator.calculate(invoice().total("1000.00", "EUR").build(), compensation(), STAGE, List.of(), STAGE);

        assertThat(outcome).isInstanceOf(FeeOutcome.ForPerson.class);
        assertThat(outcome.reason()).contains("fixed compensation in GBP").contains("EUR").contains("nothing is converted")
                .contains("a person decides");
    }

    /**
     * How a policy expresses the UK sum on a euro debt (config/README.md): beside {@code statutory_compensation: uk}, a
     * {@code fixed} rule listing only the other currencies, with the amount the accountant decided. Each invoice then
     * gets exactly one compensation, in its own currency, and nothing is converted.
     */
    @Test
    void a_fixed_rule_for_other_currencies_beside_the_uk_compensation_charges_each_invoice_once_in_its_own_currency() {
        LateFeeRule euroCompensation = new LateFeeRule("compensation-eur", new FeeComputation.FixedAmount(
                java.util.Map.of(Money.currency("EUR"), new java.math.BigDecimal("80.00"))), 0, Optional.empty(),
                FeeCaps.NONE, RoundingMode.HALF_UP);
        var pounds = invoice().total("1000.00", "GBP").build();
        var euros = invoice().total("1000.00", "EUR").build();

        assertThat(charged(calculator.calculate(pounds, compensation(), STAGE, List.of(), STAGE)).amount())
                .isEqualTo(Money.of("70.00", "GBP"));
        assertThat(calculator.calculate(pounds, euroCompensation, STAGE, List.of(), STAGE)).isInstanceOf(FeeOutcome.NothingDue.class);
        assertThat(calculator.calculate(euros, compensation(), STAGE, List.of(), STAGE)).isInstanceOf(FeeOutcome.ForPerson.class);
        assertThat(charged(calculator.calculate(euros, euroCompensation, STAGE, List.of(), STAGE)).amount())
                .isEqualTo(Money.of("80.00", "EUR"));
    }

    @Test
    void a_repeating_compensation_rule_is_refused() {
        assertThatThrownBy(() -> new LateFeeRule("statutory-compensation", new FeeComputation.StatutoryCompensation(Regimes.UK),
                0, Optional.of(30), FeeCaps.NONE, RoundingMode.HALF_UP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("charged once per invoice");
    }
}
