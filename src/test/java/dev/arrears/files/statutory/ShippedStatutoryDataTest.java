package dev.arrears.files.statutory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.invoice.PaymentApplied;
import dev.arrears.domain.money.Money;
import dev.arrears.domain.statutory.Confidence;
import dev.arrears.domain.statutory.DayCount;
import dev.arrears.domain.statutory.HalfYear;
import dev.arrears.domain.statutory.InterestPeriod;
import dev.arrears.domain.statutory.PaymentAllocation;
import dev.arrears.domain.statutory.RateEntry;
import dev.arrears.domain.statutory.RateNotKnownException;
import dev.arrears.domain.statutory.RateTable;
import dev.arrears.domain.statutory.ReferenceRateRule;
import dev.arrears.domain.statutory.StatutoryInterestCalculator;
import dev.arrears.domain.statutory.StatutoryPresets;
import dev.arrears.domain.statutory.StatutoryRegime;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The files shipped in config/statutory: they load, the worked examples hold on them, and the
 * derived tables agree with the tables they were derived from.
 */
class ShippedStatutoryDataTest {

    private static final Path DIR = Path.of("config/statutory");
    private final StatutoryPresets presets = new StatutoryPresetLoader().load(DIR);

    @Test
    void theFourPresetsLoadWithTheirLegalParameters() {
        assertThat(presets.regimes()).containsOnlyKeys("uk", "eu", "de", "fr");

        StatutoryRegime uk = presets.regime("uk");
        assertThat(uk.referenceRule()).isInstanceOf(ReferenceRateRule.FixedForDebt.class);
        assertThat(uk.marginPoints()).isEqualByComparingTo("8");
        assertThat(uk.dayCount()).isEqualTo(DayCount.ACT_365);
        assertThat(uk.partialPayments()).isEqualTo(PaymentAllocation.PRINCIPAL_FIRST);
        assertThat(uk.referenceRates().knownThrough()).isEqualTo(LocalDate.of(2026, 10, 6));
        assertThat(uk.compensation().bands()).extracting(b -> b.from().toPlainString() + "->" + b.amount().toPlainString())
                .containsExactly("0->40.00", "1000.00->70.00", "10000.00->100.00");

        assertThat(presets.regime("eu").marginPoints()).isEqualByComparingTo("8");
        assertThat(presets.regime("de").marginPoints()).isEqualByComparingTo("9");
        assertThat(presets.regime("fr").marginPoints()).isEqualByComparingTo("10");
        for (String id : List.of("eu", "de", "fr")) {
            StatutoryRegime regime = presets.regime(id);
            assertThat(regime.referenceRule()).isInstanceOf(ReferenceRateRule.PerHalfYear.class);
            assertThat(regime.referenceRates().knownThrough()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(regime.compensation().currency().getCurrencyCode()).isEqualTo("EUR");
        }
        assertThat(presets.regime("de").partialPayments()).isEqualTo(PaymentAllocation.INTEREST_FIRST);
        assertThat(presets.regime("fr").partialPayments()).isEqualTo(PaymentAllocation.INTEREST_FIRST);
        assertThatThrownBy(() -> presets.regime("us")).hasMessageContaining("known: de, eu, fr, uk");
    }

    @Test
    void sourceAndConfidenceAreKeptWithEachRow() {
        RateEntry last = presets.regime("uk").referenceRates().entries().getLast();
        assertThat(last.effectiveFrom()).isEqualTo(LocalDate.of(2025, 12, 18));
        assertThat(last.source()).contains("B-MIN-2025-12");
        assertThat(last.confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void workedExamplesHoldOnTheShippedTables() {
        // Same arithmetic as the domain tests (UkStatutoryInterestTest, HalfYearlyStatutoryInterestTest, PartPaymentTest):
        // UK £5,000 due 2026-03-31, 45 days at 3.75 + 8: 5000 x 0.1175 x 45 / 365 = 72.4315 -> £72.43
        assertThat(interest("uk", debt("5000.00", "GBP", "2026-03-31"), "2026-04-01", "2026-05-15")).isEqualTo(Money.of("72.43", "GBP"));
        // UK £10,000 due 2025-11-30, 62 days at 4.25 + 8 (fixed across the 18 Dec 2025 cut): 75950 / 365 = 208.0822 -> £208.08
        assertThat(interest("uk", debt("10000.00", "GBP", "2025-11-30"), "2025-12-01", "2026-01-31")).isEqualTo(Money.of("208.08", "GBP"));
        // €10,000 due 2026-05-31, 30 days in 2026-H1 + 31 in 2026-H2:
        // EU (30450 + 32240) / 365 = 171.7534 -> 171.75; DE (30810 + 32612) / 365 = 173.7589 -> 173.76;
        // FR (36450 + 38440) / 365 = 205.1781 -> 205.18
        var euro = debt("10000.00", "EUR", "2026-05-31");
        assertThat(interest("eu", euro, "2026-06-01", "2026-07-31")).isEqualTo(Money.of("171.75", "EUR"));
        assertThat(interest("de", euro, "2026-06-01", "2026-07-31")).isEqualTo(Money.of("173.76", "EUR"));
        assertThat(interest("fr", euro, "2026-06-01", "2026-07-31")).isEqualTo(Money.of("205.18", "EUR"));
        // DE €10,000 due 2026-02-28, €5,000 paid 2026-03-31: 87.2247 accrued, 87.22 to interest, principal 5087.22,
        // fixed on 2026-03-31 (§ 367(1) BGB), + 5087.22 x 0.1027 x 30 / 365 = 42.9417 -> 42.94; 87.22 + 42.94 = €130.16
        var partlyPaid = debt("10000.00", "EUR", "2026-02-28", new PaymentApplied(LocalDate.of(2026, 3, 31), Money.of("5000.00", "EUR")));
        assertThat(interest("de", partlyPaid, "2026-03-01", "2026-04-30")).isEqualTo(Money.of("130.16", "EUR"));
        // Older rows: UK interest starting 2023-07-01 uses Bank Rate on 2023-06-30 = 5.00 -> 13.00 %:
        // £1,000 for 31 days: 1000 x 0.13 x 31 / 365 = 4030 / 365 = 11.0411 -> £11.04
        assertThat(interest("uk", debt("1000.00", "GBP", "2023-06-30"), "2023-07-01", "2023-07-31")).isEqualTo(Money.of("11.04", "GBP"));
        // DE 2022-H2: Basiszinssatz -0.88 -> 8.12 %: €1,000 for 10 days: 812 / 365 = 2.2247 -> €2.22
        assertThat(interest("de", debt("1000.00", "EUR", "2022-08-31"), "2022-09-01", "2022-09-10")).isEqualTo(Money.of("2.22", "EUR"));
    }

    @Test
    void datesOutsideTheShippedTablesAreErrors() {
        // UK: due 2018-06-30 -> interest starts 2018-07-01 -> Bank Rate on 2018-06-30, before the first row (2018-08-02).
        assertThatThrownBy(() -> interest("uk", debt("1000.00", "GBP", "2018-06-30"), "2018-07-01", "2018-07-31"))
                .isInstanceOf(RateNotKnownException.class)
                .hasMessageContaining("boe-bank-rate.csv").hasMessageContaining("starts on 2018-08-02");
        // EU: 2018-H2 is before the first half-year row (2019-01-01).
        assertThatThrownBy(() -> interest("eu", debt("1000.00", "EUR", "2018-11-30"), "2018-12-01", "2018-12-31"))
                .isInstanceOf(RateNotKnownException.class)
                .hasMessageContaining("ecb-reference-rate-half-year.csv");
        // DE: 2027-H1 is not tabulated yet.
        assertThatThrownBy(() -> interest("de", debt("1000.00", "EUR", "2026-12-15"), "2026-12-16", "2027-01-05"))
                .isInstanceOf(RateNotKnownException.class)
                .hasMessageContaining("de-basiszinssatz.csv").hasMessageContaining("2027-01-01");
    }

    @Test
    void theUkReferenceTableIsWhatArticle4DerivesFromTheBankRateChanges() {
        // uk-reference-rate-by-interest-start.csv is not read at run time; it must agree with boe-bank-rate.csv read by SI 2002/1675 art. 4.
        StatutoryRegime uk = presets.regime("uk");
        for (RateEntry row : RateTableCsv.entries(DIR.resolve("uk-reference-rate-by-interest-start.csv"), RateTableCsv.Kind.HALF_YEARLY)) {
            LocalDate interestStart = row.effectiveFrom();
            LocalDate referenceDate = uk.referenceRule().referenceDate(interestStart, interestStart);
            assertThat(uk.referenceRates().entryOn(referenceDate).ratePercent())
                    .as("interest starting in %s", HalfYear.containing(interestStart))
                    .isEqualByComparingTo(row.ratePercent());
        }
    }

    @Test
    void theHalfYearTablesAgreeWithTheEcbRateChangesAndWithEachOther() {
        RateTable mro = new RateTable("ECB MRO", "ecb-mro.csv",
                RateTableCsv.entries(DIR.resolve("ecb-mro.csv"), RateTableCsv.Kind.CHANGES), LocalDate.of(2026, 12, 31));
        List<RateEntry> ecb = presets.regime("eu").referenceRates().entries();
        List<RateEntry> fr = presets.regime("fr").referenceRates().entries();
        List<RateEntry> de = presets.regime("de").referenceRates().entries();
        assertThat(fr).hasSameSizeAs(ecb);
        assertThat(de).hasSameSizeAs(ecb);
        for (int i = 0; i < ecb.size(); i++) {
            LocalDate halfYear = ecb.get(i).effectiveFrom();
            // Directive Art. 3(2): the rate in force on 1 January / 1 July (effect dates, not decision dates)
            assertThat(ecb.get(i).ratePercent()).as("ECB reference for %s", halfYear)
                    .isEqualByComparingTo(mro.entryOn(halfYear).ratePercent());
            // RULES.md §1.5: the French taux BCE table is identical
            assertThat(fr.get(i).effectiveFrom()).isEqualTo(halfYear);
            assertThat(fr.get(i).ratePercent()).isEqualByComparingTo(ecb.get(i).ratePercent());
            // RULES.md §1.4 (D-CALC): since 2016-H2 the Basiszinssatz is the ECB reference - 0.88
            assertThat(de.get(i).effectiveFrom()).isEqualTo(halfYear);
            assertThat(de.get(i).ratePercent()).as("Basiszinssatz for %s", halfYear)
                    .isEqualByComparingTo(ecb.get(i).ratePercent().subtract(new BigDecimal("0.88")));
        }
    }

    @Test
    void theOnlyRowBelowHighConfidenceIsTheSeptember2026EcbChangeWhichNoPresetReads() {
        for (String file : List.of("boe-bank-rate.csv", "ecb-reference-rate-half-year.csv", "de-basiszinssatz.csv",
                "fr-taux-bce-semestre.csv", "uk-reference-rate-by-interest-start.csv")) {
            RateTableCsv.Kind kind = file.startsWith("boe") ? RateTableCsv.Kind.CHANGES : RateTableCsv.Kind.HALF_YEARLY;
            assertThat(RateTableCsv.entries(DIR.resolve(file), kind)).as(file).allMatch(r -> r.confidence() == Confidence.HIGH);
        }
        assertThat(RateTableCsv.entries(DIR.resolve("ecb-mro.csv"), RateTableCsv.Kind.CHANGES))
                .filteredOn(r -> r.confidence() != Confidence.HIGH)
                .extracting(RateEntry::effectiveFrom).containsExactly(LocalDate.of(2026, 9, 16));
    }

    private Money interest(String preset, InvoiceSnapshot invoice, String from, String through) {
        return new StatutoryInterestCalculator(presets.regime(preset))
                .interest(invoice, new InterestPeriod(LocalDate.parse(from), LocalDate.parse(through))).amount();
    }

    private static InvoiceSnapshot debt(String total, String currency, String dueDate, PaymentApplied... payments) {
        Money totalMoney = Money.of(total, currency);
        Money due = totalMoney;
        for (PaymentApplied p : payments) {
            due = due.minus(p.amount());
        }
        return new InvoiceSnapshot("org-1", "inv-1", "INV-1", "cust-1", "Customer", LocalDate.parse(dueDate),
                Optional.of(LocalDate.parse(dueDate)), totalMoney, due, InvoiceStatus.OPEN, List.of(payments), false);
    }
}
