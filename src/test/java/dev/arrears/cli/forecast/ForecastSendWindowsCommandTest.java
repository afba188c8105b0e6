package dev.arrears.cli.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.forecast.DecisionRule;
import dev.arrears.domain.dunning.DunningEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --country}, {@code --subdivision}, {@code --send-rules} and {@code --zone}: the real engine, real holidays. */
class ForecastSendWindowsCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path invoices;

    @BeforeEach
    void setUp() throws IOException {
        // Due Friday 2026-12-18: the default ladder plans 'firm' for 2026-12-25 and 'final' for 2027-01-01.
        invoices = dir.resolve("invoices.csv");
        Files.writeString(invoices, """
                number,customer_id,customer_name,currency,issue_date,due_date,total,amount_due,status
                INV-1,C-X,Xmas Trading Ltd,GBP,2026-11-18,2026-12-18,500.00,500.00,open
                """);
    }

    @Test
    void aReminderDueOnChristmasDayWaitsPastTheEnglishBankHolidaysWithTheirNames() {
        int status = run("--country", "GB", "--subdivision", "eng", "--zone", "Europe/London");

        assertThat(status).as(err()).isEqualTo(ForecastCommand.OK);
        List<String> lines = lines();
        assertThat(lines).contains(
                "Reminders wait for the send rules: Mon–Fri 09:00–17:00 Europe/London, not on the public holidays of GB-ENG,"
                        + " at least 3 days apart, at most 2 per customer in 7 days (the default send rules).");
        String deferred = lines.stream().filter(l -> l.startsWith("2026-12-25 INV-1")).findFirst().orElseThrow();
        assertThat(deferred).as(out()).contains("Firmer reminder deferred reminder template 'firm', by the organisation's channel, subject \"Second reminder: invoice INV-1"
                        + " is 7 days overdue\" deferred to Tue 2026-12-29 09:00 Europe/London:")
                .contains("2026-12-25 is a public holiday (Christmas")
                .contains("2026-12-28 is a public holiday (Boxing Day, substitute day)")
                .contains("in GB-ENG");
        assertThat(lines).contains("2026-12-29 INV-1 Xmas Trading Ltd Firmer reminder reminder template 'firm', by the organisation's channel,"
                + " subject \"Second reminder: invoice INV-1 is 11 days overdue\" (planned for 2026-12-25, deferred)");
        // Never dropped, never twice: every reminder of the ladder is there once.
        List<String> reminders = lines.stream().filter(l -> l.contains(" reminder template '") && !l.contains(" deferred reminder template '")).toList();
        assertThat(reminders).as(out()).hasSize(4);
        assertThat(reminders.stream().filter(l -> l.contains("template 'firm'"))).hasSize(1);
    }

    @Test
    void aFinalNoticeDueOnASaturdayGoesOnMondayWithItsLateFeeAndItsNote() throws IOException {
        // Due Saturday 2026-12-05: the final notice (day 14) falls on Saturday 2026-12-19.
        Files.writeString(invoices, """
                number,customer_id,customer_name,currency,issue_date,due_date,total,amount_due,status
                INV-9,C-S,Saturday Stores Ltd,GBP,2026-11-05,2026-12-05,300.00,300.00,open
                """);

        int status = run("--country", "GB", "--subdivision", "eng", "--zone", "Europe/London");

        assertThat(status).as(err()).isEqualTo(ForecastCommand.OK);
        List<String> finalNotice = lines().stream().filter(l -> l.contains(" Final notice ")).toList();
        List<String> monday = finalNotice.stream().filter(l -> l.startsWith("2026-12-21 INV-9")).toList();
        assertThat(monday).as(out()).hasSize(3);
        assertThat(monday.get(0)).contains("reminder template 'final'");
        assertThat(monday.get(1)).contains("late fee").contains("40.00").contains("with its stage's reminder");
        assertThat(monday.get(2)).contains("Final notice sent. Next step");
        // On Saturday only what waits, and nothing raised or written.
        assertThat(finalNotice.stream().filter(l -> l.startsWith("2026-12-19 INV-9"))).as(out())
                .hasSize(3).allMatch(l -> l.contains(" deferred ") && l.contains("Mon 2026-12-21 09:00"));
    }

    @Test
    void aSendRulesFileIsReadAsAtStartUpAndCountryReplacesItsHolidays() throws IOException {
        Path rules = dir.resolve("northwind.yaml");
        Files.writeString(rules, """
                organisation: 6f0c3c1e-6d0b-4f57-9a39-0b1a2c3d4e5f
                send_rules:
                  window: { days: [mon, tue, wed, thu, fri, sat], from: "08:30", until: "12:00", zone: Europe/London }
                  holidays: { country: GB, subdivision: sct }
                  minimum_gap_days: 5
                  max_contacts_per_7_days: 1
                """);

        assertThat(run("--send-rules", rules.toString())).as(err()).isEqualTo(ForecastCommand.OK);
        assertThat(out()).contains("Reminders wait for the send rules: Mon–Sat 08:30–12:00 Europe/London, not on the public holidays of GB-SCT,"
                + " at least 5 days apart, at most 1 per customer in 7 days (" + rules + ").");

        assertThat(run("--send-rules", rules.toString(), "--country", "US", "--zone", "America/New_York")).isEqualTo(ForecastCommand.OK);
        assertThat(out()).contains("America/New_York, not on the public holidays of US,");
    }

    @Test
    void wrongSendRuleOptionsExitWithTwoAndSayWhy() throws IOException {
        assertThat(run("--subdivision", "eng")).isEqualTo(ForecastCommand.BAD_INPUT);
        assertThat(err()).contains("--subdivision needs --country");
        assertThat(run("--zone", "Europe/London")).isEqualTo(ForecastCommand.BAD_INPUT);
        assertThat(err()).contains("--zone is the send rules' zone; it needs --country or --send-rules");
        assertThat(run("--country", "GB", "--zone", "Mars/Olympus")).isEqualTo(ForecastCommand.BAD_INPUT);
        assertThat(err()).contains("--zone 'Mars/Olympus' is not a time zone");
        assertThat(run("--country", "XX")).isEqualTo(ForecastCommand.BAD_INPUT);
        assertThat(err()).contains("there is no public holiday data for country 'XX'");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "organisation: o1\nsend_rules: { minimum_gap_days: -1 }\n");
        assertThat(run("--send-rules", bad.toString())).isEqualTo(ForecastCommand.BAD_INPUT);
        assertThat(err()).contains(bad + ": send_rules.minimum_gap_days");
        assertThat(out()).isEmpty();
    }

    private int run(String... more) {
        out.reset();
        err.reset();
        List<String> args = Stream.concat(Stream.of("--policy", "config/policies/default.yaml", "--invoices", invoices.toString(),
                "--days", "30", "--from", "2026-12-14"), Stream.of(more)).toList();
        return new ForecastCommand(DecisionRule.engine(new DunningEngine())).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), zone -> LocalDate.of(2026, 12, 14));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private List<String> lines() {
        return out().lines().map(l -> l.trim().replaceAll(" {2,}", " ")).toList();
    }
}
