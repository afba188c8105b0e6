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
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forecast with {@code --events}: the shipped example, and a broken events file. */
class ForecastEventsCommandTest {

    private static final List<String> SAMPLE = List.of("--policy", "config/policies/default.yaml",
            "--invoices", "config/examples/invoices.csv", "--events", "config/examples/events.yaml",
            "--days", "60", "--from", "2026-12-01");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(List<String> args) {
        return new ForecastCommand(DecisionRule.engine(new DunningEngine())).run(args,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                zone -> LocalDate.of(2026, 12, 1));
    }

    private List<String> lines() {
        return Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\n")).map(l -> l.replaceAll(" +", " ").strip()).toList();
    }

    @Test
    void shows_holds_disputes_promises_plans_and_payments_taking_effect_with_reasons() {
        assertThat(run(SAMPLE)).isEqualTo(ForecastCommand.OK);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(lines()).contains(
                "12 invoices from config/examples/invoices.csv, 2026-12-01 to 2027-01-29 (60 days), with the events in config/examples/events.yaml. Nothing is sent.",
                "2026-12-07 INV-1003 Klein & Söhne GmbH Overdue notice paused suppressed: disputed since 2026-12-07: Two panels arrived damaged"
                        + " (recorded by forecast); no messages and no fees until it is resolved",
                "2026-12-12 INV-1001 Acme Joinery Ltd Overdue notice paused suppressed: promise to pay in full by 2026-12-20 (made 2026-12-12,"
                        + " recorded by forecast); chasing pauses until 2026-12-20 and resumes on 2026-12-21 unless it is kept",
                "2026-12-21 INV-1001 Acme Joinery Ltd Firmer reminder reminder template 'firm', by the organisation's channel, subject \"Second reminder: invoice INV-1001 is 11 days overdue\"",
                "2026-12-18 INV-1004 Hudson Valley Supply, Inc. - payment 7820.50 USD paid; 0.00 USD still owed",
                "2027-01-02 INV-1008 Lumen Studios LLP payment plan reminder template 'instalment-courtesy', by the organisation's channel,"
                        + " subject \"Payment plan: your next instalment for invoice INV-1008 is due soon\"",
                "2027-01-26 INV-1008 Lumen Studios LLP payment plan reminder template 'instalment-missed', by the organisation's channel,"
                        + " subject \"Payment plan: an instalment for invoice INV-1008 was missed\"",
                "2027-01-05 INV-1002 Brightwater Cafés Final notice reminder template 'final', by the organisation's channel, subject \"Final notice: invoice INV-1002 for £480.00\"");
        assertThat(lines()).anyMatch(l -> l.startsWith("2026-12-21 INV-1001 Acme Joinery Ltd Firmer reminder promise promise to pay in full"
                + " by 2026-12-20 (made 2026-12-12, recorded by forecast) was broken"));
        assertThat(lines()).anyMatch(l -> l.startsWith("2027-01-05 INV-1002 Brightwater Cafés Final notice resumed hold bright-holidays no longer applies"));
        // nothing for the held customer between the start of the hold and its end
        assertThat(lines()).noneMatch(l -> l.matches("2026-12-(1[5-9]|2\\d|3\\d) INV-10(02|10) .* reminder .*"));
        assertThat(lines()).anyMatch(l -> l.startsWith("Summary: ") && l.contains("pauses") && l.contains("1 promise"));
    }

    @Test
    void a_broken_events_file_names_every_problem_and_prints_no_forecast() throws IOException {
        Path events = dir.resolve("events.yaml");
        Files.writeString(events, """
                holds:
                  - scope: customer C-ACME
                    from: someday
                promises:
                  - invoice: INV-9999
                    made_on: 2026-12-01
                    pay_by: 2026-12-10
                extras: []
                """);
        List<String> args = List.of("--policy", "config/policies/default.yaml", "--invoices", "config/examples/invoices.csv",
                "--events", events.toString(), "--from", "2026-12-01");
        assertThat(run(args)).isEqualTo(ForecastCommand.BAD_INPUT);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Events cannot be read: 3 problems")
                .contains("'extras' is not a section")
                .contains("holds[1]: from: 'someday' is not a date; expected YYYY-MM-DD")
                .contains("promises[1].invoice: no invoice 'INV-9999' in the invoices file");
    }
}
