package dev.arrears.application.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.SendRules;
import dev.arrears.domain.contact.ContactRules;
import dev.arrears.domain.contact.HolidayCalendar;
import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.Decision;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import dev.arrears.domain.policy.ActionSpec;
import dev.arrears.domain.policy.Policy;
import dev.arrears.domain.policy.Stage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reminders through the send rules in the forecast, with a stand-in decision rule and no holidays. */
class ForecastSendWindowsTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);
    private static final LocalDate SATURDAY = LocalDate.of(2026, 12, 5);
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private static final Policy POLICY = new Policy("p", "v1", "test", List.of(
            new Stage("First", 1, List.of(), List.of(new ActionSpec.SendReminder("t")), Optional.empty())), List.of());
    private static final Optional<SendRules> LONDON = Optional.of(new SendRules(
            ContactRules.defaults(ZoneId.of("Europe/London")), HolidayCalendar.none(), "test"));

    @Test
    void aReminderDueOnASaturdayIsDeferredToMondayWithTheReasonAndSentThenOnce() {
        DecisionRule rule = remindOn(Map.of("INV-1", List.of(SATURDAY)));

        List<ForecastLine> lines = new Forecast(rule).run(POLICY, List.of(invoice("INV-1", "C1")), TUESDAY, 10,
                ForecastEvents.NONE, LONDON).lines();

        assertThat(lines).extracting(ForecastLine::date, ForecastLine::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SATURDAY, ForecastLine.Kind.DEFERRED),
                org.assertj.core.groups.Tuple.tuple(MONDAY, ForecastLine.Kind.REMINDER));
        assertThat(lines.getFirst().detail()).isEqualTo("reminder template 'first', by the organisation's channel deferred to Mon 2026-12-07 09:00 Europe/London:"
                + " Saturday 2026-12-05 00:00 is outside the send window Mon–Fri 09:00–17:00 Europe/London");
        assertThat(lines.get(1).detail()).isEqualTo("template 'first', by the organisation's channel (planned for 2026-12-05, deferred)");
    }

    @Test
    void withoutSendRulesTheSaturdayReminderStaysOnSaturday() {
        DecisionRule rule = remindOn(Map.of("INV-1", List.of(SATURDAY)));

        List<ForecastLine> lines = new Forecast(rule).run(POLICY, List.of(invoice("INV-1", "C1")), TUESDAY, 10).lines();

        assertThat(lines).extracting(ForecastLine::date, ForecastLine::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SATURDAY, ForecastLine.Kind.REMINDER));
    }

    @Test
    void theSecondReminderOfOneCustomerOnTheNextDayWaitsForTheMinimumGap() {
        DecisionRule rule = remindOn(Map.of("INV-1", List.of(MONDAY), "INV-2", List.of(MONDAY.plusDays(1))));

        List<ForecastLine> lines = new Forecast(rule).run(POLICY, List.of(invoice("INV-1", "C1"), invoice("INV-2", "C1")),
                MONDAY, 10, ForecastEvents.NONE, LONDON).lines();

        assertThat(lines).extracting(ForecastLine::date, ForecastLine::invoiceNumber, ForecastLine::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(MONDAY, "INV-1", ForecastLine.Kind.REMINDER),
                org.assertj.core.groups.Tuple.tuple(MONDAY.plusDays(1), "INV-2", ForecastLine.Kind.DEFERRED),
                org.assertj.core.groups.Tuple.tuple(MONDAY.plusDays(3), "INV-2", ForecastLine.Kind.REMINDER));
        assertThat(lines.get(1).detail()).isEqualTo("reminder template 'first', by the organisation's channel deferred to Thu 2026-12-10 09:00 Europe/London:"
                + " last contact with this customer was at 2026-12-07 09:00 Europe/London (minimum gap 3 days)");
    }

    @Test
    void oneCustomersRemindersOnOneDayAreOneContactAndOtherCustomersAreNotHeldBack() {
        DecisionRule rule = remindOn(Map.of("INV-1", List.of(MONDAY, MONDAY.plusDays(4)), "INV-2", List.of(MONDAY),
                "INV-3", List.of(MONDAY.plusDays(1))));

        List<ForecastLine> lines = new Forecast(rule).run(POLICY,
                List.of(invoice("INV-1", "C1"), invoice("INV-2", "C1"), invoice("INV-3", "C2")),
                MONDAY, 5, ForecastEvents.NONE, LONDON).lines();

        // Monday: C1's two reminders are one contact; Tuesday: C2 is not C1; Friday: C1 again, 4 days later.
        assertThat(lines).extracting(ForecastLine::kind).containsOnly(ForecastLine.Kind.REMINDER);
        assertThat(lines).extracting(ForecastLine::date).containsExactly(MONDAY, MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(4));
    }

    @Test
    void aReminderDeferredPastTheLastDayIsStillShownOnTheDayItGoesOut() {
        DecisionRule rule = remindOn(Map.of("INV-1", List.of(SATURDAY)));

        List<ForecastLine> lines = new Forecast(rule).run(POLICY, List.of(invoice("INV-1", "C1")), SATURDAY, 1,
                ForecastEvents.NONE, LONDON).lines();

        assertThat(lines).extracting(ForecastLine::date, ForecastLine::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SATURDAY, ForecastLine.Kind.DEFERRED),
                org.assertj.core.groups.Tuple.tuple(MONDAY, ForecastLine.Kind.REMINDER));
    }

    @Test
    void notesDoNotWaitForTheSendRules() {
        DecisionRule rule = (invoice, state, policy, today) -> new Decision(state, today.equals(SATURDAY)
                ? List.of(new PlannedAction.AddNote(new ActionKey("org:" + invoice.number() + ":note"), "First", "hello"))
                : List.of(), List.of());

        List<ForecastLine> lines = new Forecast(rule).run(POLICY, List.of(invoice("INV-1", "C1")), TUESDAY, 10,
                ForecastEvents.NONE, LONDON).lines();

        assertThat(lines).extracting(ForecastLine::date, ForecastLine::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SATURDAY, ForecastLine.Kind.NOTE));
    }

    /** Plans one reminder for each listed invoice on each listed day. */
    private static DecisionRule remindOn(Map<String, List<LocalDate>> days) {
        return (invoice, state, policy, today) -> new Decision(state,
                days.getOrDefault(invoice.number(), List.of()).contains(today)
                        ? List.of(new PlannedAction.SendReminder(new ActionKey("org:" + invoice.number() + ":" + today), "First", "first"))
                        : List.of(),
                List.of("reminder due"));
    }

    private static InvoiceSnapshot invoice(String number, String customerId) {
        return new InvoiceSnapshot("org", number, number, customerId, "Customer " + customerId, TUESDAY.minusDays(30),
                Optional.of(TUESDAY), Money.of("100.00", "GBP"), Money.of("100.00", "GBP"), InvoiceStatus.OPEN, List.of(), false);
    }
}
