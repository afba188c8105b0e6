package dev.arrears.files.statutory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.domain.statutory.StatutoryPresets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken tables and presets: each error names the file, the line, the field and what is allowed. */
class BrokenStatutoryConfigTest {

    private static final String BANK_RATE = """
            effective_from,rate_percent,source,confidence
            2025-08-07,4.00,"BoE, MPC minutes",high
            2025-12-18,3.75,"BoE",high
            """;

    private static final String HALF_YEARS = """
            effective_from,rate_percent,source,confidence
            2026-01-01,1.27,"Bundesbank",high
            2026-07-01,1.52,"Bundesbank",high
            """;

    // Line numbers matter to the tests below: "margin_points" of uk is on line 10, "kind" of de on line 25.
    private static final String PRESETS = """
            presets:
              uk:
                title: UK Act 1998
                legal_basis: SI 2002/1675 art. 4
                reference_rates:
                  file: bank-rate.csv
                  name: BoE Bank Rate
                  kind: changes
                  known_through: 2026-10-06
                margin_points: 8.00
                reference_date: fixed_for_debt
                day_count: act/365
                partial_payments: principal_first
                partial_payments_basis: none
                fixed_compensation:
                  currency: GBP
                  legal_basis: s.5A(2)
                  bands:
                    - { from: 0, amount: 40.00 }
                    - { from: 1000.00, amount: 70.00 }
              de:
                title: Germany
                legal_basis: § 288(2) BGB
                reference_rates:
                  kind: half_yearly
                  file: basis.csv
                  name: Basiszinssatz
                reference_date: per_half_year
                margin_points: 9.00
                day_count: act/365
                partial_payments: interest_first
                partial_payments_basis: § 367(1) BGB
                fixed_compensation:
                  currency: EUR
                  legal_basis: § 288(5) BGB
                  bands:
                    - { from: 0, amount: 40.00 }
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void writeValidFiles() throws IOException {
        write("bank-rate.csv", BANK_RATE);
        write("basis.csv", HALF_YEARS);
        write("presets.yaml", PRESETS);
    }

    @Test
    void theValidFixtureLoads() {
        StatutoryPresets presets = new StatutoryPresetLoader().load(dir);
        assertThat(presets.regimes()).containsOnlyKeys("uk", "de");
        assertThat(presets.regime("uk").referenceRates().entries().getFirst().source()).isEqualTo("BoE, MPC minutes");
    }

    // --- CSV tables

    @Test
    void aRateThatIsNotANumber() throws IOException {
        write("bank-rate.csv", BANK_RATE.replace("3.75", "3.75%"));
        assertFails().hasMessage(dir.resolve("bank-rate.csv") + " line 3, field rate_percent: '3.75%' is not a number;"
                + " allowed: a percentage a year with a decimal point, e.g. 3.75 or -0.88");
    }

    @Test
    void aDecimalCommaSplitsTheLineIntoTooManyFields() throws IOException {
        write("bank-rate.csv", BANK_RATE.replace("3.75", "3,75"));
        assertFails().hasMessageContaining("bank-rate.csv line 3, field (line): has 5 fields; allowed: 4 fields");
    }

    @Test
    void aDateThatIsNotADate() throws IOException {
        write("basis.csv", HALF_YEARS.replace("2026-07-01", "01.07.2026"));
        assertFails().hasMessageContaining("basis.csv line 3, field effective_from: '01.07.2026' is not a date; allowed: YYYY-MM-DD");
    }

    @Test
    void anUnknownConfidence() throws IOException {
        write("bank-rate.csv", BANK_RATE.replace("\"BoE\",high", "\"BoE\",sure"));
        assertFails().hasMessageContaining("bank-rate.csv line 3, field confidence: 'sure' is not a confidence; allowed: high, medium, low");
    }

    @Test
    void aRateWrittenAsAFractionOfAHundredIsCaught() throws IOException {
        write("bank-rate.csv", BANK_RATE.replace("3.75", "375"));
        assertFails().hasMessageContaining("bank-rate.csv line 3, field rate_percent: 375 is not a plausible reference rate");
    }

    @Test
    void rowsOutOfOrder() throws IOException {
        write("bank-rate.csv", BANK_RATE.replace("2025-12-18", "2025-01-18"));
        assertFails().hasMessageContaining("bank-rate.csv line 3, field effective_from: 2025-01-18 does not come after 2025-08-07 (line 2);"
                + " allowed: rows in increasing date order");
    }

    @Test
    void aHalfYearlyTableWithAMidSemesterDate() throws IOException {
        // RULES.md §1.5: a mid-semester rate (18 Sep 2024) is not the rate "en vigueur au 1er juillet".
        write("basis.csv", HALF_YEARS.replace("2026-07-01", "2026-09-18"));
        assertFails().hasMessageContaining("basis.csv line 3, field effective_from: 2026-09-18 does not start a half-year;"
                + " allowed in a half-yearly table: YYYY-01-01 or YYYY-07-01");
    }

    @Test
    void aHalfYearlyTableWithAMissingHalfYear() throws IOException {
        write("basis.csv", HALF_YEARS.replace("2026-07-01", "2027-01-01"));
        assertFails().hasMessageContaining("basis.csv line 3, field effective_from: 2027-01-01 skips 2026-07-01;"
                + " allowed: one row for every half-year");
    }

    @Test
    void aWrongHeader() throws IOException {
        write("basis.csv", HALF_YEARS.replace("rate_percent", "rate"));
        assertFails().hasMessageContaining("basis.csv line 1, field header: expected 'effective_from,rate_percent,source,confidence'");
    }

    @Test
    void anUnclosedQuote() throws IOException {
        write("bank-rate.csv", BANK_RATE.replace("\"BoE\",high", "\"BoE,high"));
        assertFails().hasMessageContaining("bank-rate.csv line 3, field source: a quoted field is not closed");
    }

    @Test
    void aTableWithoutRows() throws IOException {
        write("basis.csv", "effective_from,rate_percent,source,confidence\n");
        assertFails().hasMessageContaining("basis.csv line 2, field effective_from: the table has no rows");
    }

    // --- presets.yaml

    @Test
    void aMarginThatIsNotANumber() throws IOException {
        write("presets.yaml", PRESETS.replace("margin_points: 8.00", "margin_points: eight"));
        assertFails().hasMessage(dir.resolve("presets.yaml") + " line 10, field presets.uk.margin_points: 'eight' is not a number;"
                + " allowed: percentage points over the reference rate, e.g. 8.00");
    }

    @Test
    void aMisspelledField() throws IOException {
        write("presets.yaml", PRESETS.replace("margin_points: 8.00", "margin_point: 8.00"));
        assertFails().hasMessageContaining("presets.yaml line 10, field presets.uk.margin_point: unknown field 'margin_point'; allowed: day_count,");
    }

    @Test
    void aMissingField() throws IOException {
        write("presets.yaml", PRESETS.replace("    margin_points: 9.00\n", ""));
        assertFails().hasMessageContaining("presets.yaml line 22, field presets.de.margin_points: is missing");
    }

    @Test
    void anUnknownDayCount() throws IOException {
        write("presets.yaml", PRESETS.replace("day_count: act/365\n    partial_payments: principal_first",
                "day_count: 30/360\n    partial_payments: principal_first"));
        assertFails().hasMessageContaining("presets.yaml line 12, field presets.uk.day_count: '30/360' is not a day count; allowed: act/365, act/act");
    }

    @Test
    void anUnknownReferenceDateRule() throws IOException {
        write("presets.yaml", PRESETS.replace("reference_date: fixed_for_debt", "reference_date: when_late"));
        assertFails().hasMessageContaining("presets.yaml line 11, field presets.uk.reference_date: 'when_late' is not a reference date rule;"
                + " allowed: fixed_for_debt");
    }

    @Test
    void theUkRuleCannotReadAHalfYearlyTable() throws IOException {
        // A half-yearly table read on 31 December gives the rate of 1 July, not the rate in force that day.
        write("presets.yaml", PRESETS.replace("""
                      file: bank-rate.csv
                      name: BoE Bank Rate
                      kind: changes
                      known_through: 2026-10-06
                """, """
                      file: basis.csv
                      name: BoE Bank Rate
                      kind: half_yearly
                """));
        assertFails().hasMessageContaining("presets.yaml line 8, field presets.uk.reference_rates.kind: half_yearly cannot serve"
                + " reference_date fixed_for_debt");
    }

    @Test
    void aTableOfChangesNeedsKnownThrough() throws IOException {
        write("presets.yaml", PRESETS.replace("      known_through: 2026-10-06\n", ""));
        assertFails().hasMessageContaining("presets.yaml line 6, field presets.uk.reference_rates.known_through: is missing;"
                + " allowed: the last day (YYYY-MM-DD) on which the table was checked complete");
    }

    @Test
    void knownThroughBeforeTheLastRow() throws IOException {
        write("presets.yaml", PRESETS.replace("known_through: 2026-10-06", "known_through: 2025-12-01"));
        assertFails().hasMessageContaining("presets.yaml line 9, field presets.uk.reference_rates.known_through: 2025-12-01 is before"
                + " the table's last row (2025-12-18)");
    }

    @Test
    void aTableFileThatDoesNotExist() throws IOException {
        write("presets.yaml", PRESETS.replace("file: basis.csv", "file: basiszins.csv"));
        assertFails().hasMessageContaining("presets.yaml line 26, field presets.de.reference_rates.file: 'basiszins.csv' does not exist");
    }

    @Test
    void aCompensationAmountWithMoreDecimalsThanTheCurrency() throws IOException {
        write("presets.yaml", PRESETS.replace("amount: 70.00", "amount: 70.005"));
        assertFails().hasMessageContaining("presets.yaml line 20, field presets.uk.fixed_compensation.bands[1].amount: 70.005 has more"
                + " decimals than GBP allows (2)");
    }

    @Test
    void compensationBandsOutOfOrder() throws IOException {
        write("presets.yaml", PRESETS.replace("from: 1000.00", "from: 0"));
        assertFails().hasMessageContaining("presets.yaml line 20, field presets.uk.fixed_compensation.bands[1].from: 0 is not above");
    }

    @Test
    void anUnknownCurrency() throws IOException {
        write("presets.yaml", PRESETS.replace("currency: GBP", "currency: UKP"));
        assertFails().hasMessageContaining("presets.yaml line 16, field presets.uk.fixed_compensation.currency: 'UKP' is not an ISO 4217"
                + " currency code; allowed:");
    }

    @Test
    void aDuplicateKey() throws IOException {
        write("presets.yaml", PRESETS.replace("    margin_points: 8.00\n", "    margin_points: 8.00\n    margin_points: 9.00\n"));
        assertFails().hasMessageContaining("presets.yaml line 11, field (syntax): 'margin_points' appears twice (first on line 10)");
    }

    @Test
    void invalidYaml() throws IOException {
        write("presets.yaml", PRESETS.replace("    title: Germany\n", "    title: [Germany\n"));
        assertFails().hasMessageContaining("presets.yaml line").hasMessageContaining("field (syntax)").hasMessageContaining("allowed: valid YAML");
    }

    @Test
    void noPresetsFile() throws IOException {
        Files.delete(dir.resolve("presets.yaml"));
        assertFails().hasMessageContaining("presets.yaml, field (file): does not exist").hasMessageContaining("arrears.statutory.dir");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertFails() {
        return assertThatThrownBy(() -> new StatutoryPresetLoader().load(dir)).isInstanceOf(StatutoryConfigException.class);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}
