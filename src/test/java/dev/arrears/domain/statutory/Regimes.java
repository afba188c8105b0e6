package dev.arrears.domain.statutory;

import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.invoice.PaymentApplied;
import dev.arrears.domain.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The four presets built in code from the rows of RULES.md, so the domain tests need no files.
 * (The platform tests run the same worked examples against the shipped CSV and YAML.)
 */
public final class Regimes {

    private Regimes() {
    }

    static final RateTable BOE_BANK_RATE = changes("BoE Bank Rate", LocalDate.of(2026, 10, 6),
            "2022-12-15 3.50", "2023-02-02 4.00", "2023-03-23 4.25", "2023-05-11 4.50", "2023-06-22 5.00",
            "2023-08-03 5.25", "2024-08-01 5.00", "2024-11-07 4.75", "2025-02-06 4.50", "2025-05-08 4.25",
            "2025-08-07 4.00", "2025-12-18 3.75");

    /** ECB reference per half-year; the French taux BCE table is identical (RULES.md §1.5). */
    static final String[] ECB_HALF_YEARS = {"2023-01-01 2.50", "2023-07-01 4.00", "2024-01-01 4.50", "2024-07-01 4.25",
            "2025-01-01 3.15", "2025-07-01 2.15", "2026-01-01 2.15", "2026-07-01 2.40"};

    static final String[] BASISZINSSATZ = {"2023-01-01 1.62", "2023-07-01 3.12", "2024-01-01 3.62", "2024-07-01 3.37",
            "2025-01-01 2.27", "2025-07-01 1.27", "2026-01-01 1.27", "2026-07-01 1.52"};

    public static final StatutoryRegime UK = new StatutoryRegime("uk", "UK Late Payment of Commercial Debts (Interest) Act 1998",
            "SI 2002/1675 art. 4", BOE_BANK_RATE, new ReferenceRateRule.FixedForDebt(), new BigDecimal("8.00"),
            DayCount.ACT_365, PaymentAllocation.PRINCIPAL_FIRST, "no UK allocation rule",
            new FixedCompensation(Money.currency("GBP"), List.of(
                    band("0", "40.00"), band("1000.00", "70.00"), band("10000.00", "100.00")), "s.5A(2)"));

    public static final StatutoryRegime EU = perHalfYear("eu", "EU Directive 2011/7/EU minimum",
            halfYearly("ECB reference rate", ECB_HALF_YEARS), "8.00", DayCount.ACT_365, PaymentAllocation.PRINCIPAL_FIRST,
            "no EU allocation rule", "Art. 6(1)");

    public static final StatutoryRegime DE = de(DayCount.ACT_365);

    static final StatutoryRegime FR = perHalfYear("fr", "France, L441-10 II", halfYearly("taux BCE", ECB_HALF_YEARS),
            "10.00", DayCount.ACT_365, PaymentAllocation.INTEREST_FIRST, "C. civ. 1343-1", "D441-5");

    static StatutoryRegime de(DayCount dayCount) {
        return perHalfYear("de", "Germany, § 288(2) BGB", halfYearly("Basiszinssatz", BASISZINSSATZ), "9.00", dayCount,
                PaymentAllocation.INTEREST_FIRST, "§ 367(1) BGB", "§ 288(5) BGB");
    }

    static List<StatutoryRegime> all() {
        return List.of(UK, EU, DE, FR);
    }

    private static StatutoryRegime perHalfYear(String id, String title, RateTable table, String margin, DayCount dayCount,
                                               PaymentAllocation allocation, String allocationBasis, String compensationBasis) {
        return new StatutoryRegime(id, title, title, table, new ReferenceRateRule.PerHalfYear(), new BigDecimal(margin),
                dayCount, allocation, allocationBasis,
                new FixedCompensation(Money.currency("EUR"), List.of(band("0", "40.00")), compensationBasis));
    }

    static RateTable changes(String name, LocalDate knownThrough, String... rows) {
        return new RateTable(name, name + " (test rows)", entries(rows), knownThrough);
    }

    static RateTable halfYearly(String name, String... rows) {
        List<RateEntry> entries = entries(rows);
        LocalDate end = HalfYear.containing(entries.getLast().effectiveFrom()).lastDay();
        return new RateTable(name, name + " (test rows)", entries, end);
    }

    private static List<RateEntry> entries(String... rows) {
        return Arrays.stream(rows).map(row -> row.split(" "))
                .map(f -> new RateEntry(LocalDate.parse(f[0]), new BigDecimal(f[1]), "RULES.md", Confidence.HIGH))
                .toList();
    }

    private static CompensationBand band(String from, String amount) {
        return new CompensationBand(new BigDecimal(from), new BigDecimal(amount));
    }

    /** An unpaid invoice: total = amount due, no payments. */
    static InvoiceSnapshot invoice(String total, String currency, String dueDate) {
        return invoice(total, currency, dueDate, List.of());
    }

    /** An invoice with its payment history; the amount due is what the payments leave. */
    static InvoiceSnapshot invoice(String total, String currency, String dueDate, List<PaymentApplied> payments) {
        Money totalMoney = Money.of(total, currency);
        Money due = totalMoney;
        for (PaymentApplied p : payments) {
            due = due.minus(p.amount());
        }
        return new InvoiceSnapshot("org-1", "inv-1", "INV-0042", "cust-1", "Customer Ltd", LocalDate.parse(dueDate).minusDays(30),
                Optional.of(LocalDate.parse(dueDate)), totalMoney, due, InvoiceStatus.OPEN, new ArrayList<>(payments), false);
    }

    static PaymentApplied paid(String date, String amount, String currency) {
        return new PaymentApplied(LocalDate.parse(date), Money.of(amount, currency));
    }

    static InterestPeriod period(String from, String through) {
        return new InterestPeriod(LocalDate.parse(from), LocalDate.parse(through));
    }
}
