package dev.arrears.cli.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.domain.dunning.DunningEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forecast command end to end: shipped policy, shipped sample invoices, the real engine, a fixed start date. */
class ForecastCommandTest {

    private static final Function<ZoneId, LocalDate> NO_CLOCK = zone -> {
        throw new AssertionError("the clock must not be read when --from is given");
    };
    private static final List<String> SAMPLE = List.of("--policy", "config/policies/default.yaml",
            "--invoices", "config/examples/invoices.csv", "--days", "60", "--from", "2026-12-01");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private ForecastCommand command;

    @BeforeEach
    void setUp() {
        command = new ForecastCommand(new DunningEngine()::decide);
    }

    @Test
    void forecastsTheShippedSampleDayByDay() {
        int status = run(SAMPLE, NO_CLOCK);

        assertThat(status).isEqualTo(ForecastCommand.OK);
        assertThat(err()).isEmpty();
        List<String> lines = lines();
        assertThat(lines.getFirst()).startsWith("Forecast of policy 'default' (config/policies/default.yaml, version ");
        assertThat(lines).contains(
                "12 invoices from config/examples/invoices.csv, 2026-12-01 to 2027-01-29 (60 days), assuming nobody pays. Nothing is sent.",
                "DATE INVOICE CUSTOMER STAGE ACTION AMOUNT DETAIL",
                // INV-1001, due 2026-12-10: the whole ladder, each step on its day
                "2026-12-07 INV-1001 Acme Joinery Ltd Friendly heads-up reminder template 'friendly', by the organisation's channel, subject \"Friendly reminder: invoice INV-1001 is due on Dec 10, 2026\"",
                "2026-12-11 INV-1001 Acme Joinery Ltd Overdue notice reminder template 'overdue', by the organisation's channel, subject \"Invoice INV-1001 is now overdue\"",
                "2026-12-17 INV-1001 Acme Joinery Ltd Firmer reminder reminder template 'firm', by the organisation's channel, subject \"Second reminder: invoice INV-1001 is 7 days overdue\"",
                "2026-12-24 INV-1001 Acme Joinery Ltd Final notice reminder template 'final', by the organisation's channel, subject \"Final notice: invoice INV-1001 for £1,200.00\"",
                "2026-12-24 INV-1001 Acme Joinery Ltd Final notice late fee 40.00 GBP fee rule 'late-fee' period 1: fixed fee 40.00 GBP",
                "2026-12-24 INV-1001 Acme Joinery Ltd Final notice note Final notice sent. Next step: hand to a person at 30 days overdue.",
                "2027-01-09 INV-1001 Acme Joinery Ltd Hand to a person flag 30 days overdue: call the customer, agree a payment plan, or refer to collections.",
                // no due date: flagged on the first day, never guessed
                "2026-12-01 INV-1006 Oak & Ivy Florists no-due-date flag invoice INV-1006 has no due date: a person has to set one"
                        + " (Arrears never guesses it from the issue date 2026-11-25)",
                // three days overdue on the first day: catch-up to the overdue notice, the heads-up is recorded, not sent
                "2026-12-01 INV-1004 Hudson Valley Supply, Inc. Friendly heads-up skipped passed over on catch-up to 'Overdue notice'; recorded, not sent",
                "2026-12-01 INV-1004 Hudson Valley Supply, Inc. Overdue notice reminder template 'overdue', by the organisation's channel, subject \"Invoice INV-1004 is now overdue\"",
                "2026-12-12 INV-1004 Hudson Valley Supply, Inc. Final notice late fee 50.00 USD fee rule 'late-fee' period 1: fixed fee 50.00 USD",
                // long overdue: straight to the hand-off, without a fee (skipped stages charge nothing)
                "2026-12-01 INV-1009 Nordlicht Design AB Final notice skipped passed over on catch-up to 'Hand to a person'; recorded, not sent",
                "2026-12-01 INV-1009 Nordlicht Design AB Hand to a person flag 30 days overdue: call the customer, agree a payment plan, or refer to collections.",
                // JPY has no fixed amount in the policy: the final notice goes out, the fee is shown as not charged
                "2026-12-29 INV-1005 Sakura Trading KK Final notice no fee fee 'late-fee': no fixed amount for JPY"
                        + " (amounts are given for EUR, GBP, USD); nothing is converted",
                // partly paid: chased for what is still owed
                "2026-12-28 INV-1008 Lumen Studios LLP Final notice late fee 40.00 GBP fee rule 'late-fee' period 1: fixed fee 40.00 GBP",
                "Summary: 27 reminders, 7 notes, 6 late fees, 8 flags, 1 fee not charged, 5 skipped stages on 9 invoices",
                "Late fees in total: 40.00 EUR, 160.00 GBP, 50.00 USD");
        assertThat(lines).filteredOn(l -> l.contains("INV-1001")).hasSize(7);
        assertThat(lines).filteredOn(l -> l.contains("INV-1009")).hasSize(5);
        assertThat(out()).doesNotContain("INV-1007") // paid
                .doesNotContain("INV-1011") // voided
                .doesNotContain("INV-1012"); // due 2027-03-31: nothing within 60 days
    }

    @Test
    void whyPrintsTheEnginesReasons() {
        run(concat(SAMPLE, "--why"), NO_CLOCK);

        assertThat(lines()).contains("why: reached 'Overdue notice' (from 2026-12-11, due date 2026-12-10 + 1 day)");
    }

    @Test
    void withoutFromTheStartDateComesFromTheCaller() {
        int status = run(List.of("--policy", "config/policies/default.yaml", "--invoices", "config/examples/invoices.csv",
                "--days", "1"), zone -> LocalDate.of(2026, 12, 7));

        assertThat(status).isZero();
        assertThat(lines()).contains("2026-12-07 INV-1001 Acme Joinery Ltd Friendly heads-up reminder template 'friendly', by the organisation's channel, subject \"Friendly reminder: invoice INV-1001 is due on Dec 10, 2026\"")
                .noneMatch(l -> l.startsWith("2026-12-08"));
    }

    @Test
    void badFilesExitWithTwoAndNameFileLineAndField() throws IOException {
        Path policy = Files.writeString(dir.resolve("policy.yaml"),
                "id: x\nstages:\n  - { name: A, day: 1, actions: [ { late_fee: nope } ] }\n");
        Path invoices = Files.writeString(dir.resolve("invoices.csv"),
                InvoiceCsvReader.HEADER + "\nINV-1,C1,A,GBP,2026-11-01,2026-13-01,1.00,1.00,open\n");

        int status = run(List.of("--policy", policy.toString(), "--invoices", invoices.toString(), "--from", "2026-12-01"), NO_CLOCK);

        assertThat(status).isEqualTo(ForecastCommand.BAD_INPUT);
        assertThat(out()).isEmpty();
        assertThat(err()).contains(policy + ": stages[0].actions[0].late_fee: 'nope' is not a fee rule of this policy;")
                .contains(invoices + ":2: column 'due_date': '2026-13-01' is not a date; expected YYYY-MM-DD");
    }

    @Test
    void wrongOptionsExitWithTwoAndShowUsage() {
        assertThat(run(List.of("--policy", "p.yaml"), NO_CLOCK)).isEqualTo(2);
        assertThat(err()).contains("--invoices FILE is required").contains("Usage:");
        assertThat(run(concat(SAMPLE, "--dayz", "3"), NO_CLOCK)).isEqualTo(2);
        assertThat(err()).contains("unknown option '--dayz'");
        assertThat(run(List.of("--policy", "p", "--invoices", "i", "--days", "0"), NO_CLOCK)).isEqualTo(2);
        assertThat(err()).contains("--days '0' is not allowed; expected a whole number from 1 to 3660");
        assertThat(run(List.of("--policy=p", "--invoices=i", "--from=1/12/2026"), NO_CLOCK)).isEqualTo(2);
        assertThat(err()).contains("--from '1/12/2026' is not a date; expected YYYY-MM-DD");
    }

    @Test
    void helpPrintsUsage() {
        assertThat(run(List.of("--help"), NO_CLOCK)).isZero();
        assertThat(out()).contains("--policy FILE", "--invoices FILE", "--days N", "--from DATE", "--why");
    }

    @Test
    void withZoneTheForecastStartsOnTodayInThatZoneNotInUtc() {
        // 02:40 on 8 December in Auckland is still 7 December in UTC.
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T13:40:00Z"), ZoneId.of("UTC"));

        int status = run(List.of("--policy", "config/policies/default.yaml", "--invoices", "config/examples/invoices.csv",
                "--days", "1", "--country", "NZ", "--zone", "Pacific/Auckland"), zone -> LocalDate.now(clock.withZone(zone)));

        assertThat(status).as(err()).isZero();
        assertThat(lines()).anyMatch(l -> l.startsWith("2026-12-08 "))
                .noneMatch(l -> l.startsWith("2026-12-07 "));
    }

    @Test
    void theForecastReadsStatutoryRatesFromTheFolderArrearsStatutoryDirNames() throws IOException {
        // A copy of the shipped folder in which the Bank Rate of 2025-12-18 is 5.75 instead of 3.75.
        Path statutory = Files.createDirectories(dir.resolve("statutory"));
        try (Stream<Path> files = Files.list(Path.of("config/statutory"))) {
            for (Path file : files.toList()) {
                Files.writeString(statutory.resolve(file.getFileName()), Files.readString(file)
                        .replace("2025-12-18,3.75,", "2025-12-18,5.75,"));
            }
        }
        Path policy = Files.writeString(dir.resolve("policy.yaml"), """
                id: statutory
                fee_rules:
                  - { id: interest, statutory_interest: uk }
                stages:
                  - { name: Final notice, day: 14, actions: [ { late_fee: interest } ] }
                """);
        Path invoices = Files.writeString(dir.resolve("invoices.csv"),
                InvoiceCsvReader.HEADER + "\nINV-1,C1,Acme,GBP,2026-01-01,2026-01-01,1000.00,1000.00,open\n");
        command = new ForecastCommand(new DunningEngine()::decide, Map.of("ARREARS_STATUTORY_DIR", statutory.toString()));

        int status = run(List.of("--policy", policy.toString(), "--invoices", invoices.toString(), "--from", "2026-01-15",
                "--days", "1"), NO_CLOCK);

        assertThat(status).as(err()).isZero();
        assertThat(out()).contains("8.00% + 5.75% (BoE Bank Rate on 2025-12-31").doesNotContain("+ 3.75%");
    }

    private int run(List<String> args, Function<ZoneId, LocalDate> today) {
        out.reset();
        err.reset();
        return command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), today);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Output lines with runs of spaces folded to one, so assertions do not depend on column widths. */
    private List<String> lines() {
        return out().lines().map(l -> l.trim().replaceAll(" {2,}", " ")).toList();
    }

    private static List<String> concat(List<String> args, String... more) {
        return java.util.stream.Stream.concat(args.stream(), Arrays.stream(more)).toList();
    }
}
