package dev.arrears.domain.statutory;

import static dev.arrears.domain.statutory.Regimes.invoice;
import static dev.arrears.domain.statutory.Regimes.period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Worked examples for the UK Act, computed by hand; the arithmetic is in each comment. */
class UkStatutoryInterestTest {

    private final StatutoryInterestCalculator uk = new StatutoryInterestCalculator(Regimes.UK);

    @Test
    void firstHalfYearUsesTheBankRateOf31December() {
        // £5,000 due 2026-03-31; interest starts 2026-04-01 (H1) -> Bank Rate on 2025-12-31 = 3.75
        // -> 8 + 3.75 = 11.75 %. 2026-04-01..2026-05-15 = 30 + 15 = 45 days.
        // 5000 x 0.1175 x 45 / 365 = 26437.5 / 365 = 72.4315068... -> £72.43
        StatutoryInterest interest = uk.interest(invoice("5000.00", "GBP", "2026-03-31"), period("2026-04-01", "2026-05-15"));

        assertThat(interest.amount()).isEqualTo(Money.of("72.43", "GBP"));
        assertThat(interest.computation()).isEqualTo("UK Late Payment of Commercial Debts (Interest) Act 1998: "
                + "8.00% + 3.75% (BoE Bank Rate on 2025-12-31, fixed for this debt) = 11.75% a year on 5000.00 GBP"
                + " for 45 days, 2026-04-01 to 2026-05-15, /365; total 72.431507, rounded once, half-up: 72.43 GBP");
        // £5,000 is in the £1,000 to under £10,000 band: £70
        assertThat(uk.fixedCompensation(invoice("5000.00", "GBP", "2026-03-31")).amount()).isEqualTo(Money.of("70.00", "GBP"));
    }

    @Test
    void secondHalfYearUsesTheBankRateOf30June() {
        // £2,000 due 2025-08-15; interest starts 2025-08-16 (H2) -> Bank Rate on 2025-06-30 = 4.25
        // (cut of 2025-05-08; the 2025-08-07 cut to 4.00 comes after 30 June) -> 12.25 %.
        // 2025-08-16..2025-09-14 = 16 + 14 = 30 days. 2000 x 0.1225 x 30 / 365 = 7350 / 365 = 20.1369863 -> £20.14
        StatutoryInterest interest = uk.interest(invoice("2000.00", "GBP", "2025-08-15"), period("2025-08-16", "2025-09-14"));

        assertThat(interest.amount()).isEqualTo(Money.of("20.14", "GBP"));
        assertThat(interest.segments()).singleElement().satisfies(s -> {
            assertThat(s.referenceDate()).isEqualTo(LocalDate.of(2025, 6, 30));
            assertThat(s.ratePercent()).isEqualByComparingTo("12.25");
            assertThat(s.days()).isEqualTo(30);
        });
    }

    @Test
    void theRateStaysFixedForTheDebtAcrossABankRateChangeAndANewHalfYear() {
        // £10,000 due 2025-11-30; interest starts 2025-12-01 (H2) -> Bank Rate on 2025-06-30 = 4.25 -> 12.25 %.
        // Bank Rate falls to 3.75 on 2025-12-18 and a new half-year begins on 2026-01-01: neither changes
        // this debt's rate (SI 2002/1675 art. 4). 2025-12-01..2026-01-31 = 31 + 31 = 62 days, one segment.
        // 10000 x 0.1225 x 62 / 365 = 75950 / 365 = 208.0821918 -> £208.08
        StatutoryInterest interest = uk.interest(invoice("10000.00", "GBP", "2025-11-30"), period("2025-12-01", "2026-01-31"));

        assertThat(interest.amount()).isEqualTo(Money.of("208.08", "GBP"));
        assertThat(interest.segments()).hasSize(1);
        assertThat(interest.segments().getFirst().ratePercent()).isEqualByComparingTo("12.25");
    }

    @Test
    void aDebtDue30JuneStartsOn1JulyAndTakesThe30JuneRateNotThe31DecemberOne() {
        // RULES.md §5 point 1: the test is the day interest STARTS. Due 2025-06-30 -> starts 2025-07-01
        // -> Bank Rate on 2025-06-30 = 4.25 -> 12.25 %. (Using the due date's half-year would take
        // 31 Dec 2024 = 4.75 -> 12.75 % and give 10.83.) 31 days of July:
        // 1000 x 0.1225 x 31 / 365 = 3797.5 / 365 = 10.4041096 -> £10.40
        StatutoryInterest interest = uk.interest(invoice("1000.00", "GBP", "2025-06-30"), period("2025-07-01", "2025-07-31"));

        assertThat(interest.amount()).isEqualTo(Money.of("10.40", "GBP"));
        assertThat(interest.segments().getFirst().referenceDate()).isEqualTo(LocalDate.of(2025, 6, 30));
    }

    @Test
    void aDebtDue31DecemberTakesThe31DecemberRate() {
        // Due 2025-12-31 -> starts 2026-01-01 -> Bank Rate on 2025-12-31 = 3.75 (cut of 18 Dec) -> 11.75 %.
        // 10 days: 1000 x 0.1175 x 10 / 365 = 1175 / 365 = 3.2191781 -> £3.22
        StatutoryInterest interest = uk.interest(invoice("1000.00", "GBP", "2025-12-31"), period("2026-01-01", "2026-01-10"));

        assertThat(interest.amount()).isEqualTo(Money.of("3.22", "GBP"));
        assertThat(interest.segments().getFirst().referenceDate()).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void aLaterPeriodOfTheSameDebtKeepsTheRateFixedWhenInterestStarted() {
        // Same debt as above, charged again for 2026-07-01..2026-07-10: still the 2025-12-31 rate, 11.75 %.
        // 1000 x 0.1175 x 10 / 365 = 3.2191781 -> £3.22
        StatutoryInterest interest = uk.interest(invoice("1000.00", "GBP", "2025-12-31"), period("2026-07-01", "2026-07-10"));

        assertThat(interest.amount()).isEqualTo(Money.of("3.22", "GBP"));
        assertThat(interest.segments().getFirst().referenceDate()).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void aReferenceDateBeforeTheTableStartsIsAClearError() {
        // Due 2022-06-30 -> interest starts 2022-07-01 -> needs Bank Rate on 2022-06-30; the test table starts 2022-12-15.
        assertThatThrownBy(() -> uk.interest(invoice("1000.00", "GBP", "2022-06-30"), period("2022-07-01", "2022-07-31")))
                .isInstanceOf(RateNotKnownException.class)
                .hasMessageContaining("no rate for 2022-06-30");
    }

    @Test
    void interestStartingIn2027NeedsTheUnknown31December2026Rate() {
        // Due 2026-12-31 -> starts 2027-01-01 -> Bank Rate on 2026-12-31, after the table's known_through.
        assertThatThrownBy(() -> uk.interest(invoice("1000.00", "GBP", "2026-12-31"), period("2027-01-01", "2027-01-31")))
                .isInstanceOf(RateNotKnownException.class)
                .hasMessageContaining("only known through 2026-10-06");
    }

    @Test
    void aPeriodCannotStartOnOrBeforeTheDueDate() {
        assertThatThrownBy(() -> uk.interest(invoice("1000.00", "GBP", "2026-03-31"), period("2026-03-31", "2026-04-30")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starts on 2026-04-01");
    }

    @Test
    void anInvoiceWithoutDueDateIsRefusedNotGuessed() {
        var noDueDate = invoice("1000.00", "GBP", "2026-03-31");
        var flagged = new dev.arrears.domain.invoice.InvoiceSnapshot(noDueDate.organisationId(), noDueDate.invoiceId(),
                noDueDate.number(), noDueDate.customerId(), noDueDate.customerName(), noDueDate.issueDate(),
                java.util.Optional.empty(), noDueDate.total(), noDueDate.amountDue(), noDueDate.status(), noDueDate.payments(),
                false);
        assertThatThrownBy(() -> uk.interest(flagged, period("2026-04-01", "2026-04-30")))
                .hasMessageContaining("has no due date");
    }
}
