package dev.arrears.domain.fee;

import static dev.arrears.domain.testing.TestInvoices.DUE;
import static dev.arrears.domain.testing.TestInvoices.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.domain.dunning.ChargedFee;
import dev.arrears.domain.dunning.FeeApplication;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.money.Money;
import dev.arrears.domain.policy.LateFeeRule;
import dev.arrears.domain.testing.TestRules;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LateFeeCalculatorTest {

    private static final LocalDate STAGE = LocalDate.of(2026, 1, 15); // due 2026-01-01 + 14 days

    private final LateFeeCalculator calculator = new LateFeeCalculator();

    private FeeOutcome calculate(InvoiceSnapshot invoice, LateFeeRule rule, List<ChargedFee> charged, LocalDate today) {
        return calculator.calculate(invoice, rule, STAGE, charged, today);
    }

    private FeeApplication charged(FeeOutcome outcome) {
        assertThat(outcome).isInstanceOf(FeeOutcome.Charge.class);
        return ((FeeOutcome.Charge) outcome).fee();
    }

    private String nothingDue(FeeOutcome outcome) {
        assertThat(outcome).isInstanceOf(FeeOutcome.NothingDue.class);
        return outcome.reason();
    }

    private static ChargedFee fee(String ruleId, int period, LocalDate on, String amount, String currency) {
        return new ChargedFee(ruleId, period, on, Money.of(amount, currency));
    }

    private static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(2026, month, dayOfMonth);
    }

    @Nested
    class WhenTheFirstChargeFalls {

        @Test
        void nothing_is_charged_the_day_before_the_stage_date() {
            String reason = nothingDue(calculate(invoice().build(), TestRules.fixed("25.00", "GBP").build(), List.of(), day(1, 14)));
            assertThat(reason).contains("first charge on 2026-01-15");
        }

        @Test
        void a_one_off_fixed_fee_is_charged_on_the_stage_date() {
            FeeApplication fee = charged(calculate(invoice().build(), TestRules.fixed("25.00", "GBP").build(), List.of(), STAGE));
            assertThat(fee.period()).isEqualTo(1);
            assertThat(fee.chargeDate()).isEqualTo(STAGE);
            assertThat(fee.accruedFrom()).isEqualTo(STAGE);
            assertThat(fee.amount()).isEqualTo(Money.of("25.00", "GBP"));
            assertThat(fee.capped()).isFalse();
            assertThat(fee.computation()).isEqualTo("fixed fee 25.00 GBP");
        }

        @Test
        void grace_days_longer_than_the_stage_offset_push_the_first_charge_to_the_day_after_the_grace() {
            LateFeeRule rule = TestRules.fixed("25.00", "GBP").graceDays(20).build();
            // due 2026-01-01 + 20 grace days: the 21st is the first day outside the grace
            assertThat(nothingDue(calculate(invoice().build(), rule, List.of(), day(1, 21))))
                    .contains("first charge on 2026-01-22");
            assertThat(charged(calculate(invoice().build(), rule, List.of(), day(1, 22))).chargeDate()).isEqualTo(day(1, 22));
        }

        @Test
        void grace_days_shorter_than_the_stage_offset_change_nothing() {
            LateFeeRule rule = TestRules.fixed("25.00", "GBP").graceDays(5).build();
            assertThat(charged(calculate(invoice().build(), rule, List.of(), STAGE)).chargeDate()).isEqualTo(STAGE);
        }

        @Test
        void an_invoice_without_a_due_date_is_never_charged() {
            assertThat(nothingDue(calculate(invoice().withoutDueDate().build(), TestRules.fixed("25.00", "GBP").build(),
                    List.of(), day(6, 1)))).contains("no due date");
        }

        @Test
        void a_one_off_fee_already_charged_is_never_charged_again() {
            LateFeeRule rule = TestRules.fixed("25.00", "GBP").build();
            List<ChargedFee> charged = List.of(fee("late-fee", 1, STAGE, "25.00", "GBP"));
            assertThat(nothingDue(calculate(invoice().build(), rule, charged, day(3, 1))))
                    .contains("period 1 (2026-01-15) already charged").doesNotContain("next period");
        }
    }

    @Nested
    class FixedAmounts {

        @Test
        void an_invoice_in_a_currency_without_a_fixed_amount_is_not_charged_and_the_reason_says_why() {
            InvoiceSnapshot euros = invoice().total("1000.00", "EUR").build();
            assertThat(nothingDue(calculate(euros, TestRules.fixed("25.00", "GBP").build(), List.of(), STAGE)))
                    .contains("no fixed amount for EUR").contains("GBP");
        }

        @ParameterizedTest(name = "1500.5 JPY rounded {0} is {1} JPY")
        @CsvSource({"HALF_UP, 1501", "HALF_EVEN, 1500", "DOWN, 1500", "CEILING, 1501"})
        void a_fixed_amount_with_more_decimals_than_the_currency_is_rounded_with_the_rule(RoundingMode mode, String expected) {
            InvoiceSnapshot yen = invoice().total("100000", "JPY").build();
            FeeApplication fee = charged(calculate(yen, TestRules.fixed("1500.5", "JPY").rounding(mode).build(), List.of(), STAGE));
            assertThat(fee.amount()).isEqualTo(Money.of(expected, "JPY"));
            assertThat(fee.computation()).contains("1500.5 rounded " + mode);
        }
    }

    @Nested
    class Percentages {

        @Test
        void a_percentage_is_taken_of_the_principal_outstanding_on_the_charge_date() {
            FeeApplication fee = charged(calculate(invoice().build(), TestRules.percent("2").build(), List.of(), STAGE));
            assertThat(fee.amount()).isEqualTo(Money.of("20.00", "GBP"));
            assertThat(fee.computation()).isEqualTo("2.00% of 1000.00 GBP outstanding on 2026-01-15 = 20.00 GBP (rounded HALF_UP)");
        }

        @Test
        void a_partial_payment_before_the_charge_date_lowers_the_basis() {
            InvoiceSnapshot partlyPaid = invoice().paid(day(1, 10), "400.00").build();
            FeeApplication fee = charged(calculate(partlyPaid, TestRules.percent("2").build(), List.of(), STAGE));
            assertThat(fee.amount()).isEqualTo(Money.of("12.00", "GBP")); // 2% of 600.00
        }

        @Test
        void a_payment_after_the_charge_date_does_not_lower_that_period_s_basis() {
            InvoiceSnapshot paidLater = invoice().paid(day(1, 20), "400.00").build();
            FeeApplication fee = charged(calculate(paidLater, TestRules.percent("2").build(), List.of(), day(1, 25)));
            assertThat(fee.amount()).isEqualTo(Money.of("20.00", "GBP")); // owed 1000.00 at the end of 2026-01-15
        }

        @Test
        void earlier_fees_are_never_part_of_the_basis() {
            LateFeeRule monthly = TestRules.percent("2").everyDays(30).build();
            List<ChargedFee> charged = List.of(fee("late-fee", 1, STAGE, "20.00", "GBP"));
            FeeApplication second = charged(calculate(invoice().build(), monthly, charged, day(2, 14)));
            assertThat(second.period()).isEqualTo(2);
            assertThat(second.amount()).isEqualTo(Money.of("20.00", "GBP"));
        }

        @ParameterizedTest(name = "1.5% of 333.33 GBP = 4.99995, rounded {0}: {1}")
        @CsvSource({"HALF_UP, 5.00", "HALF_EVEN, 5.00", "DOWN, 4.99", "FLOOR, 4.99", "UP, 5.00"})
        void rounding_modes_apply_once_to_the_exact_product(RoundingMode mode, String expected) {
            InvoiceSnapshot invoice = invoice().total("333.33", "GBP").build();
            FeeApplication fee = charged(calculate(invoice, TestRules.percent("1.5").rounding(mode).build(), List.of(), STAGE));
            assertThat(fee.amount()).isEqualTo(Money.of(expected, "GBP"));
        }

        @ParameterizedTest(name = "1.5% of 12345 JPY = 185.175, rounded {0}: {1} JPY")
        @CsvSource({"HALF_UP, 185", "CEILING, 186", "DOWN, 185"})
        void yen_have_no_minor_unit(RoundingMode mode, String expected) {
            InvoiceSnapshot yen = invoice().total("12345", "JPY").build();
            FeeApplication fee = charged(calculate(yen, TestRules.percent("1.5").rounding(mode).build(), List.of(), STAGE));
            assertThat(fee.amount()).isEqualTo(Money.of(expected, "JPY"));
            assertThat(fee.amount().amount().scale()).isZero();
        }

        @ParameterizedTest(name = "2.5% of 123.457 BHD = 3.086425, rounded {0}: {1} BHD")
        @CsvSource({"HALF_UP, 3.086", "HALF_EVEN, 3.086", "UP, 3.087"})
        void bahraini_dinars_have_three_decimals(RoundingMode mode, String expected) {
            InvoiceSnapshot dinars = invoice().total("123.457", "BHD").build();
            FeeApplication fee = charged(calculate(dinars, TestRules.percent("2.5").rounding(mode).build(), List.of(), STAGE));
            assertThat(fee.amount()).isEqualTo(Money.of(expected, "BHD"));
            assertThat(fee.amount().amount().scale()).isEqualTo(3);
        }

        @Test
        void a_fee_that_rounds_to_zero_is_not_charged() {
            InvoiceSnapshot tiny = invoice().total("0.40", "GBP").build();
            // 1% of 0.40 = 0.004, rounded HALF_UP to 0.00
            assertThat(nothingDue(calculate(tiny, TestRules.percent("1").build(), List.of(), STAGE))).contains("comes to nothing");
        }
    }

    @Nested
    class Interest {

        @Test
        void interest_runs_from_the_day_after_the_due_date_to_the_charge_date() {
            FeeApplication fee = charged(calculate(invoice().build(), TestRules.interest("8", 365).build(), List.of(), STAGE));
            // 1000.00 × 8% × 14 / 365 = 3.0684931...
            assertThat(fee.amount()).isEqualTo(Money.of("3.07", "GBP"));
            assertThat(fee.accruedFrom()).isEqualTo(day(1, 2));
            assertThat(fee.chargeDate()).isEqualTo(STAGE);
            assertThat(fee.computation()).isEqualTo(
                    "8.00% a year on 1000.00 GBP for 14 days, 2026-01-02 to 2026-01-15, /365 = 3.07 GBP (rounded HALF_UP)");
        }

        @Test
        void interest_accrues_in_grace_days_even_though_it_is_charged_after_them() {
            LateFeeRule rule = TestRules.interest("8", 365).graceDays(29).build();
            FeeApplication fee = charged(calculate(invoice().build(), rule, List.of(), day(1, 31)));
            // 29 grace days: first charge 2026-01-31; 30 days from 2026-01-02: 1000.00 × 8% × 30 / 365 = 6.5753...
            assertThat(fee.accruedFrom()).isEqualTo(day(1, 2));
            assertThat(fee.amount()).isEqualTo(Money.of("6.58", "GBP"));
        }

        /** The statutory rule (RULES.md §3), for agreed interest too: the payment day still bears the old principal. */
        @Test
        void a_part_payment_lowers_the_interest_bearing_principal_from_the_day_after_it() {
            InvoiceSnapshot partlyPaid = invoice().paid(day(1, 7), "400.00").build();
            FeeApplication fee = charged(calculate(partlyPaid, TestRules.interest("8", 365).build(), List.of(), STAGE));
            // (1000.00 × 6 days + 600.00 × 8 days) × 8% / 365 = 10800 × 0.08 / 365 = 2.3671...
            assertThat(fee.amount()).isEqualTo(Money.of("2.37", "GBP"));
            assertThat(fee.computation()).isEqualTo("8.00% a year, /365, on 1000.00 GBP for 6 days, 2026-01-02 to 2026-01-07; "
                    + "600.00 GBP for 8 days, 2026-01-08 to 2026-01-15 = 2.37 GBP (rounded HALF_UP)");
        }

        @Test
        void the_sum_is_rounded_once_not_day_by_day() {
            // 100.00 × 5% / 365 = 0.0136986 a day: daily rounding would give 0.01 × 14 = 0.14
            InvoiceSnapshot small = invoice().total("100.00", "GBP").build();
            FeeApplication fee = charged(calculate(small, TestRules.interest("5", 365).build(), List.of(), STAGE));
            assertThat(fee.amount()).isEqualTo(Money.of("0.19", "GBP")); // 100 × 5% × 14 / 365 = 0.19178
        }

        @ParameterizedTest(name = "8% on 123456 JPY for 14 days /365 = 378.82, rounded {0}: {1} JPY")
        @CsvSource({"HALF_UP, 379", "DOWN, 378"})
        void yen_interest_rounds_to_whole_yen(RoundingMode mode, String expected) {
            InvoiceSnapshot yen = invoice().total("123456", "JPY").build();
            FeeApplication fee = charged(calculate(yen, TestRules.interest("8", 365).rounding(mode).build(), List.of(), STAGE));
            // 123456 × 8 × 14 / 36500 = 13827072 / 36500 = 378.8238...
            assertThat(fee.amount()).isEqualTo(Money.of(expected, "JPY"));
        }

        @ParameterizedTest(name = "8% on 1000.000 BHD for 14 days /{0} = {1} BHD")
        @CsvSource({"365, 3.068", "360, 3.111"})
        void bahraini_dinar_interest_keeps_three_decimals(int basis, String expected) {
            InvoiceSnapshot dinars = invoice().total("1000.000", "BHD").build();
            FeeApplication fee = charged(calculate(dinars, TestRules.interest("8", basis).build(), List.of(), STAGE));
            // 1120 / 365 = 3.0684931; 1120 / 360 = 3.1111
            assertThat(fee.amount()).isEqualTo(Money.of(expected, "BHD"));
            assertThat(fee.computation()).contains("/" + basis);
        }

        @Test
        void a_repeated_interest_charge_accrues_from_the_day_after_the_last_charged_period() {
            LateFeeRule monthly = TestRules.interest("8", 365).everyDays(30).build();
            List<ChargedFee> charged = List.of(fee("interest", 1, STAGE, "3.07", "GBP"));
            FeeApplication second = charged(calculate(invoice().build(), monthly, charged, day(2, 14)));
            // 2026-01-16 to 2026-02-14 = 30 days: 1000 × 8% × 30 / 365 = 6.5753...
            assertThat(second.period()).isEqualTo(2);
            assertThat(second.accruedFrom()).isEqualTo(day(1, 16));
            assertThat(second.amount()).isEqualTo(Money.of("6.58", "GBP"));
        }

        @Test
        void after_catch_up_interest_covers_the_skipped_periods_so_nothing_is_lost() {
            LateFeeRule monthly = TestRules.interest("8", 365).everyDays(30).build();
            List<ChargedFee> charged = List.of(fee("interest", 1, STAGE, "3.07", "GBP"));
            FeeOutcome outcome = calculate(invoice().build(), monthly, charged, day(3, 20));
            FeeApplication third = charged(outcome);
            // period 3 falls on 2026-03-16; 2026-01-16 to 2026-03-16 = 60 days: 1000 × 8% × 60 / 365 = 13.150...
            assertThat(third.period()).isEqualTo(3);
            assertThat(third.chargeDate()).isEqualTo(day(3, 16));
            assertThat(third.accruedFrom()).isEqualTo(day(1, 16));
            assertThat(third.amount()).isEqualTo(Money.of("13.15", "GBP"));
            assertThat(outcome.reason()).contains("skipped period 2 (2026-02-14)").contains("interest are included");
        }
        @Test
        void no_day_of_interest_is_charged_twice_when_a_moved_due_date_shifts_the_periods_earlier() {
            // charged under due date 2026-01-01: p1 on 01-15 (01-02..01-15), p2 on 02-14 (01-16..02-14)
            List<ChargedFee> charged = List.of(fee("interest", 1, STAGE, "3.07", "GBP"), fee("interest", 2, day(2, 14), "6.58", "GBP"));
            LateFeeRule monthly = TestRules.interest("8", 365).everyDays(30).build();
            InvoiceSnapshot movedEarlier = invoice().due(LocalDate.of(2025, 12, 1)).build();
            LocalDate newStageDate = LocalDate.of(2025, 12, 15); // new periods: 12-15, 01-14, 02-13, 03-15

            assertThat(nothingDue(calculator.calculate(movedEarlier, monthly, newStageDate, charged, day(2, 20))))
                    .contains("period 3 (2026-02-13) has no day of interest left: interest is already charged up to 2026-02-14");
            FeeApplication fourth = charged(calculator.calculate(movedEarlier, monthly, newStageDate, charged, day(3, 15)));
            // 2026-02-15 to 2026-03-15 = 29 days: 1000 × 8% × 29 / 365 = 6.356...
            assertThat(fourth.accruedFrom()).isEqualTo(day(2, 15));
            assertThat(fourth.amount()).isEqualTo(Money.of("6.36", "GBP"));
        }
    }

    @Nested
    class Repeats {

        private final LateFeeRule monthly = TestRules.fixed("10.00", "GBP").everyDays(30).build();

        @Test
        void a_repeating_fee_is_charged_again_every_n_days_from_the_first_charge() {
            List<ChargedFee> charged = List.of(fee("late-fee", 1, STAGE, "10.00", "GBP"));
            assertThat(nothingDue(calculate(invoice().build(), monthly, charged, day(2, 13))))
                    .contains("period 1 (2026-01-15) already charged; next period on 2026-02-14");
            FeeApplication second = charged(calculate(invoice().build(), monthly, charged, day(2, 14)));
            assertThat(second.period()).isEqualTo(2);
            assertThat(second.chargeDate()).isEqualTo(day(2, 14));
        }

        @Test
        void catch_up_charges_only_the_current_period_and_names_the_skipped_ones() {
            FeeOutcome outcome = calculate(invoice().build(), monthly, List.of(), day(3, 20));
            FeeApplication fee = charged(outcome);
            assertThat(fee.period()).isEqualTo(3);
            assertThat(fee.chargeDate()).isEqualTo(day(3, 16));
            assertThat(fee.amount()).isEqualTo(Money.of("10.00", "GBP"));
            assertThat(outcome.reason()).contains("skipped periods 1 (2026-01-15), 2 (2026-02-14): catch-up charges only the current period");
        }

        @Test
        void the_next_charge_date_is_the_next_period() {
            List<ChargedFee> charged = List.of(fee("late-fee", 1, STAGE, "10.00", "GBP"));
            assertThat(calculator.nextChargeDate(invoice().build(), monthly, STAGE, charged, day(1, 20))).contains(day(2, 14));
            assertThat(calculator.nextChargeDate(invoice().build(), monthly, STAGE, List.of(), day(1, 3))).contains(STAGE);
            assertThat(calculator.nextChargeDate(invoice().build(), TestRules.fixed("10.00", "GBP").build(), STAGE, charged, day(1, 20)))
                    .isEmpty();
        }

        @Test
        void fees_of_other_rules_do_not_count_as_this_rule_s_periods() {
            List<ChargedFee> other = List.of(fee("interest", 1, STAGE, "3.07", "GBP"));
            assertThat(charged(calculate(invoice().build(), monthly, other, STAGE)).period()).isEqualTo(1);
        }
    }

    @Nested
    class Caps {

        private List<ChargedFee> tenPounds(int periods) {
            return java.util.stream.IntStream.rangeClosed(1, periods)
                    .mapToObj(p -> fee("late-fee", p, STAGE.plusDays(30L * (p - 1)), "10.00", "GBP")).toList();
        }

        @Test
        void max_count_stops_further_charges() {
            LateFeeRule rule = TestRules.fixed("10.00", "GBP").everyDays(30).maxCount(2).build();
            assertThat(nothingDue(calculate(invoice().build(), rule, tenPounds(2), day(3, 16))))
                    .contains("cap reached: at most 2 charges per invoice, 2 already charged");
            assertThat(calculator.nextChargeDate(invoice().build(), rule, STAGE, tenPounds(2), day(3, 16))).isEmpty();
        }

        @Test
        void max_total_reduces_the_last_fee_to_fit_and_then_stops() {
            LateFeeRule rule = TestRules.fixed("10.00", "GBP").everyDays(30).maxTotal("25", "GBP").build();
            FeeApplication third = charged(calculate(invoice().build(), rule, tenPounds(2), day(3, 16)));
            assertThat(third.amount()).isEqualTo(Money.of("5.00", "GBP"));
            assertThat(third.capped()).isTrue();
            assertThat(third.computation()).contains("reduced to 5.00 GBP by the cap: max total 25.00 GBP (20.00 GBP already charged)");

            List<ChargedFee> full = List.of(fee("late-fee", 1, STAGE, "10.00", "GBP"), fee("late-fee", 2, day(2, 14), "10.00", "GBP"),
                    fee("late-fee", 3, day(3, 16), "5.00", "GBP"));
            assertThat(nothingDue(calculate(invoice().build(), rule, full, day(4, 15)))).contains("cap reached: max total 25.00 GBP");
        }

        @Test
        void max_total_in_another_currency_does_not_cap_this_invoice() {
            LateFeeRule rule = TestRules.fixed("10.00", "GBP").everyDays(30).maxTotal("5", "EUR").build();
            assertThat(charged(calculate(invoice().build(), rule, tenPounds(2), day(3, 16))).capped()).isFalse();
        }

        @Test
        void max_percent_of_principal_is_taken_of_the_invoice_total() {
            // 2% of 1000.00 = 20.00; 15.00 already charged leaves 5.00
            LateFeeRule rule = TestRules.fixed("15.00", "GBP").everyDays(30).maxPercentOfPrincipal("2").build();
            List<ChargedFee> one = List.of(fee("late-fee", 1, STAGE, "15.00", "GBP"));
            FeeApplication second = charged(calculate(invoice().build(), rule, one, day(2, 14)));
            assertThat(second.amount()).isEqualTo(Money.of("5.00", "GBP"));
            assertThat(second.capped()).isTrue();
            assertThat(second.computation()).contains("max 2.00% of the invoice total 1000.00 GBP = 20.00 GBP");
        }

        @Test
        void the_tightest_cap_wins() {
            LateFeeRule rule = TestRules.fixed("15.00", "GBP").everyDays(30).maxTotal("30", "GBP").maxPercentOfPrincipal("2").build();
            List<ChargedFee> one = List.of(fee("late-fee", 1, STAGE, "15.00", "GBP"));
            assertThat(charged(calculate(invoice().build(), rule, one, day(2, 14))).amount()).isEqualTo(Money.of("5.00", "GBP"));
        }

        @Test
        void a_percent_cap_on_yen_rounds_the_limit_down_so_rounding_never_exceeds_it() {
            // 1.5% of 12345 JPY = 185.175, so the limit is 185 JPY
            InvoiceSnapshot yen = invoice().total("12345", "JPY").build();
            LateFeeRule rule = TestRules.fixed("1000", "JPY").maxPercentOfPrincipal("1.5").build();
            assertThat(charged(calculate(yen, rule, List.of(), STAGE)).amount()).isEqualTo(Money.of("185", "JPY"));
        }

        @Test
        void a_fee_under_every_cap_is_not_marked_capped() {
            LateFeeRule rule = TestRules.fixed("10.00", "GBP").maxTotal("25", "GBP").maxPercentOfPrincipal("5").maxCount(3).build();
            FeeApplication fee = charged(calculate(invoice().build(), rule, List.of(), STAGE));
            assertThat(fee.capped()).isFalse();
            assertThat(fee.computation()).doesNotContain("cap");
        }
    }
}
