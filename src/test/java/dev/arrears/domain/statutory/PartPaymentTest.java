package dev.arrears.domain.statutory;

import static dev.arrears.domain.statutory.Regimes.invoice;
import static dev.arrears.domain.statutory.Regimes.paid;
import static dev.arrears.domain.statutory.Regimes.period;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.domain.money.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Part payments while interest runs. UK has no allocation rule: the principal falls from the day
 * after the payment. Germany (§ 367(1) BGB) and France (C. civ. 1343-1) put a part payment on the
 * accrued interest first (RULES.md §5 point 6), so less principal is repaid and more keeps bearing interest.
 */
class PartPaymentTest {

    @Test
    void ukPartPaymentLowersThePrincipalFromTheNextDay() {
        // £1,000 due 2026-01-31, 11.75 %; £400 paid on 2026-02-15.
        // 2026-02-01..2026-02-15 = 15 days on 1000: 1000 x 0.1175 x 15 / 365 = 1762.5 / 365 = 4.8287671
        // 2026-02-16..2026-03-02 = 13 + 2 = 15 days on 600: 600 x 0.1175 x 15 / 365 = 1057.5 / 365 = 2.8972603
        // total 7.7260274 -> £7.73
        var debt = invoice("1000.00", "GBP", "2026-01-31", List.of(paid("2026-02-15", "400.00", "GBP")));
        StatutoryInterest interest = new StatutoryInterestCalculator(Regimes.UK).interest(debt, period("2026-02-01", "2026-03-02"));

        assertThat(interest.amount()).isEqualTo(Money.of("7.73", "GBP"));
        assertThat(interest.segments()).extracting(s -> s.principal().toString()).containsExactly("1000.00 GBP", "600.00 GBP");
        assertThat(interest.computation()).contains("payment of 400.00 GBP on 2026-02-15 lowers the principal from 2026-02-16");
    }

    @Test
    void germanPartPaymentGoesToInterestFirst() {
        // €10,000 due 2026-02-28; interest from 2026-03-01 at 1.27 + 9 = 10.27 %; €5,000 paid on 2026-03-31.
        // Accrued 2026-03-01..2026-03-31, 31 days: 10000 x 0.1027 x 31 / 365 = 31837 / 365 = 87.2246575 -> 87.22 stated
        // and fixed on that day; § 367(1): 87.22 to interest, 5000 - 87.22 = 4912.78 to principal -> principal 5087.22
        // 2026-04-01..2026-04-30, 30 days: 5087.22 x 0.1027 x 30 / 365 = 15673.72482 / 365 = 42.9417118 -> 42.94
        // period total 87.22 + 42.94 = €130.16
        // (principal first would give 87.2246575 + 5000 x 0.1027 x 30 / 365 = 87.2246575 + 42.2054795 = €129.43)
        var debt = invoice("10000.00", "EUR", "2026-02-28", List.of(paid("2026-03-31", "5000.00", "EUR")));
        StatutoryInterest interest = new StatutoryInterestCalculator(Regimes.DE).interest(debt, period("2026-03-01", "2026-04-30"));

        assertThat(interest.amount()).isEqualTo(Money.of("130.16", "EUR"));
        assertThat(interest.partPayments()).singleElement().satisfies(p -> {
            assertThat(p.toInterest()).isEqualTo(Money.of("87.22", "EUR"));
            assertThat(p.toPrincipal()).isEqualTo(Money.of("4912.78", "EUR"));
        });
        assertThat(interest.segments()).extracting(s -> s.principal().toString()).containsExactly("10000.00 EUR", "5087.22 EUR");
        assertThat(interest.computation()).contains("payment of 5000.00 EUR on 2026-03-31: 87.22 EUR to interest accrued"
                + " through that day, 4912.78 EUR to principal (§ 367(1) BGB)")
                .contains("interest settled by a part payment is fixed in cents on its day, the rest rounded once, half-up: "
                        + "130.16 EUR through 2026-04-30 = 130.16 EUR");
    }

    /** Charged once over both months, or on the payment day and then for April: 87.22 + 42.94 either way (was 130.17 once). */
    @Test
    void germanInterestIsTheSameWhetherChargedOnceOrAlsoOnThePaymentDay() {
        var debt = invoice("10000.00", "EUR", "2026-02-28", List.of(paid("2026-03-31", "5000.00", "EUR")));
        var calculator = new StatutoryInterestCalculator(Regimes.DE);

        Money once = calculator.interest(debt, period("2026-03-01", "2026-04-30")).amount();
        Money onThePaymentDay = calculator.interest(debt, period("2026-03-01", "2026-03-31")).amount();
        Money afterIt = calculator.interest(debt, period("2026-04-01", "2026-04-30")).amount();

        assertThat(onThePaymentDay).isEqualTo(Money.of("87.22", "EUR"));
        assertThat(afterIt).isEqualTo(Money.of("42.94", "EUR"));
        assertThat(onThePaymentDay.plus(afterIt)).isEqualTo(once).isEqualTo(Money.of("130.16", "EUR"));
    }

    /**
     * Three part payments. Each payment day fixes what accrued since the last one, in cents:
     * 2026-03-01..03-09, 9 days on 10000.00: 25.3232877 -> 25.32, principal 10000 - (2000 - 25.32) = 8025.32;
     * 03-10..04-13, 35 days on 8025.32: 79.0329116 -> 79.03, principal 8025.32 - 1920.97 = 6104.35;
     * 04-14..06-13, 61 days on 6104.35: 104.7723875 -> 104.77, principal 6104.35 - 2895.23 = 3209.12;
     * 06-14..06-30, 17 days on 3209.12: 15.3501441 -> 15.35. Total 224.47, whether charged once at the end of June
     * or also on each payment day (rounding each period's exact sum once gave 224.48 against 224.47).
     */
    @Test
    void germanInterestWithThreePartPaymentsDoesNotDependOnTheChargingDates() {
        var debt = invoice("10000.00", "EUR", "2026-02-28", List.of(paid("2026-03-09", "2000.00", "EUR"),
                paid("2026-04-13", "2000.00", "EUR"), paid("2026-06-13", "3000.00", "EUR")));
        var calculator = new StatutoryInterestCalculator(Regimes.DE);

        Money once = calculator.interest(debt, period("2026-03-01", "2026-06-30")).amount();
        Money onEachPaymentDay = calculator.interest(debt, period("2026-03-01", "2026-03-09")).amount()
                .plus(calculator.interest(debt, period("2026-03-10", "2026-04-13")).amount())
                .plus(calculator.interest(debt, period("2026-04-14", "2026-06-13")).amount())
                .plus(calculator.interest(debt, period("2026-06-14", "2026-06-30")).amount());

        assertThat(once).isEqualTo(Money.of("224.47", "EUR"));
        assertThat(onEachPaymentDay).isEqualTo(once);
    }

    @Test
    void aLaterPeriodRemembersWhatAnEarlierPaymentWentTo() {
        // Same debt, March already charged: April alone is 5087.22 x 0.1027 x 30 / 365 = 42.9417118 -> €42.94
        var debt = invoice("10000.00", "EUR", "2026-02-28", List.of(paid("2026-03-31", "5000.00", "EUR")));
        StatutoryInterest april = new StatutoryInterestCalculator(Regimes.DE).interest(debt, period("2026-04-01", "2026-04-30"));

        assertThat(april.amount()).isEqualTo(Money.of("42.94", "EUR"));
        assertThat(april.segments()).singleElement().satisfies(s -> assertThat(s.principal()).isEqualTo(Money.of("5087.22", "EUR")));
    }

    @Test
    void frenchPartPaymentGoesToInterestFirst() {
        // €3,000 due 2026-09-30; interest from 2026-10-01 at 2.40 + 10 = 12.40 %; €1,000 paid on 2026-10-15.
        // 2026-10-01..2026-10-15, 15 days: 3000 x 0.1240 x 15 / 365 = 5580 / 365 = 15.2876712 -> 15.29 to interest
        // 1000 - 15.29 = 984.71 to principal -> 3000 - 984.71 = 2015.29
        // 2026-10-16..2026-10-31, 16 days: 2015.29 x 0.1240 x 16 / 365 = 3998.33536 / 365 = 10.9543435
        // total 15.2876712 + 10.9543435 = 26.2420147 -> €26.24
        var debt = invoice("3000.00", "EUR", "2026-09-30", List.of(paid("2026-10-15", "1000.00", "EUR")));
        StatutoryInterest interest = new StatutoryInterestCalculator(Regimes.FR).interest(debt, period("2026-10-01", "2026-10-31"));

        assertThat(interest.amount()).isEqualTo(Money.of("26.24", "EUR"));
        assertThat(interest.partPayments().getFirst().toInterest()).isEqualTo(Money.of("15.29", "EUR"));
    }

    @Test
    void aPaymentSmallerThanTheAccruedInterestLeavesThePrincipalWhole() {
        // €10,000 at 10.27 % from 2026-03-01; €50 paid 2026-03-31 when 87.22 had accrued: all of it is interest.
        // The principal stays 10000, and March and April share half-year and rate -> one 61-day line.
        // March's 87.2246575 is fixed at 87.22 on the payment day; April 10000 x 0.1027 x 30 / 365 = 84.4109589 -> 84.41
        // total €171.63 (one 61-day line, 171.6356164 unrounded)
        var debt = invoice("10000.00", "EUR", "2026-02-28", List.of(paid("2026-03-31", "50.00", "EUR")));
        StatutoryInterest interest = new StatutoryInterestCalculator(Regimes.DE).interest(debt, period("2026-03-01", "2026-04-30"));

        assertThat(interest.amount()).isEqualTo(Money.of("171.63", "EUR"));
        assertThat(interest.segments()).hasSize(1);
        assertThat(interest.partPayments().getFirst().toPrincipal()).isEqualTo(Money.of("0.00", "EUR"));
    }

    @Test
    void aPaymentOnOrBeforeTheDueDateSimplyLowersThePrincipal() {
        // £1,000 with £600 paid on the due date 2026-01-31: interest runs on £400 only.
        // 400 x 0.1175 x 28 / 365 = 1316 / 365 = 3.6054795 -> £3.61
        var debt = invoice("1000.00", "GBP", "2026-01-31", List.of(paid("2026-01-31", "600.00", "GBP")));
        StatutoryInterest interest = new StatutoryInterestCalculator(Regimes.UK).interest(debt, period("2026-02-01", "2026-02-28"));

        assertThat(interest.amount()).isEqualTo(Money.of("3.61", "GBP"));
        assertThat(interest.partPayments()).isEmpty();
    }

    @Test
    void nothingAccruesAfterFullPayment() {
        var debt = invoice("1000.00", "GBP", "2026-01-31", List.of(paid("2026-02-10", "1000.00", "GBP")));
        StatutoryInterest interest = new StatutoryInterestCalculator(Regimes.UK).interest(debt, period("2026-02-11", "2026-03-31"));

        assertThat(interest.amount()).isEqualTo(Money.of("0.00", "GBP"));
    }
}
