package dev.arrears.application.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The forecast says which reminders of a day would go to their customer as one statement email. */
class StatementLinesTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @Test
    void a_customers_email_reminders_of_one_day_are_marked_as_one_statement_and_a_lone_or_ledger_reminder_is_not() {
        List<ForecastLine> lines = List.of(
                reminder(MONDAY, "INV-1", "Acme", "template 'overdue', by email, subject \"x\""),
                reminder(MONDAY, "INV-2", "Acme", "template 'firm', by email, subject \"y\""),
                reminder(MONDAY, "INV-3", "Acme", "template 'final', by the ledger's invoice email"),
                reminder(MONDAY, "INV-4", "Bolt", "template 'overdue', by email, subject \"z\""),
                reminder(MONDAY.plusDays(1), "INV-5", "Acme", "template 'overdue', by email, subject \"w\""),
                new ForecastLine(MONDAY, "INV-6", "Acme", "Final notice", ForecastLine.Kind.NOTE, Optional.empty(), "noted", List.of()));

        List<ForecastLine> marked = StatementLines.mark(lines);

        assertThat(marked).extracting(ForecastLine::detail).containsExactly(
                "template 'overdue', by email, subject \"x\"; in one statement with 2 invoices",
                "template 'firm', by email, subject \"y\"; in one statement with 2 invoices",
                "template 'final', by the ledger's invoice email",
                "template 'overdue', by email, subject \"z\"",
                "template 'overdue', by email, subject \"w\"",
                "noted");
    }

    @Test
    void on_the_organisations_channel_the_statement_is_said_to_depend_on_it() {
        List<ForecastLine> marked = StatementLines.mark(List.of(
                reminder(MONDAY, "INV-1", "Acme", "template 'overdue', by the organisation's channel"),
                reminder(MONDAY, "INV-2", "Acme", "template 'overdue', by the organisation's channel")));

        assertThat(marked).allSatisfy(l -> assertThat(l.detail())
                .endsWith("; in one statement with 2 invoices if the organisation's channel is email"));
    }

    private static ForecastLine reminder(LocalDate day, String number, String customer, String detail) {
        return new ForecastLine(day, number, customer, "Overdue notice", ForecastLine.Kind.REMINDER, Optional.empty(), detail, List.of());
    }
}
