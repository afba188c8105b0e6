package dev.arrears.application.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.Decision;
import dev.arrears.domain.dunning.DunningState;
import dev.arrears.domain.dunning.DunningStatus;
import dev.arrears.domain.dunning.FeeApplication;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import dev.arrears.domain.policy.ActionSpec;
import dev.arrears.domain.policy.Policy;
import dev.arrears.domain.policy.Stage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The replay mechanics, with a stand-in decision rule; the real engine is exercised by the command test. */
class ForecastTest {

    private static final LocalDate DAY1 = LocalDate.of(2026, 12, 1);
    private static final Policy POLICY = new Policy("p", "v1", "test", List.of(
            new Stage("First", 1, List.of(), List.of(new ActionSpec.SendReminder("t")), Optional.empty()),
            new Stage("Second", 2, List.of(), List.of(new ActionSpec.SendReminder("t")), Optional.empty())), List.of());

    @Test
    void carriesEachInvoicesStateIntoTheNextDayAndReportsSkippedStagesOnce() {
        List<DunningState> seen = new ArrayList<>();
        DecisionRule rule = (invoice, state, policy, today) -> {
            seen.add(state);
            if (today.equals(DAY1)) {
                DunningState after = state(List.of("First"), "Second");
                return new Decision(after, List.of(new PlannedAction.SendReminder(key("r"), "Second", "firm")),
                        List.of("caught up to Second"));
            }
            return new Decision(state, List.of(), List.of("nothing new"));
        };

        ForecastReport report = new Forecast(rule).run(POLICY, List.of(invoice("INV-1")), DAY1, 3);

        assertThat(seen).hasSize(3);
        assertThat(seen.get(0)).isEqualTo(DunningState.initial());
        assertThat(seen.get(1).skippedStages()).containsExactly("First");
        assertThat(seen.get(2)).isEqualTo(seen.get(1));
        assertThat(report.from()).isEqualTo(DAY1);
        assertThat(report.to()).isEqualTo(DAY1.plusDays(2));
        assertThat(report.lines()).extracting(ForecastLine::kind)
                .containsExactly(ForecastLine.Kind.SKIPPED_STAGE, ForecastLine.Kind.REMINDER);
        assertThat(report.lines().getFirst().stage()).isEqualTo("First");
        assertThat(report.lines().getFirst().detail()).contains("catch-up to 'Second'");
        assertThat(report.lines().get(1).detail()).isEqualTo("template 'firm', by the organisation's channel");
        assertThat(report.lines().get(1).reasons()).containsExactly("caught up to Second");
    }

    @Test
    void feesCarryTheirAmountAndComputation() {
        FeeApplication fee = new FeeApplication("late-fee", 1, DAY1, DAY1, Money.of("40.00", "GBP"), "fixed fee 40.00 GBP", false);
        DecisionRule rule = (invoice, state, policy, today) -> new Decision(state,
                today.equals(DAY1) ? List.of(new PlannedAction.ChargeLateFee(key("f"), "Final", fee)) : List.of(), List.of());

        ForecastLine line = new Forecast(rule).run(POLICY, List.of(invoice("INV-1")), DAY1, 2).lines().getFirst();

        assertThat(line.kind()).isEqualTo(ForecastLine.Kind.LATE_FEE);
        assertThat(line.amount()).contains(Money.of("40.00", "GBP"));
        assertThat(line.detail()).isEqualTo("fee rule 'late-fee' period 1: fixed fee 40.00 GBP");
    }

    @Test
    void anInvoiceTheRuleRefusesIsReportedOnceAndTheOthersCarryOn() {
        DecisionRule rule = (invoice, state, policy, today) -> {
            if (invoice.number().equals("BAD")) {
                throw new IllegalArgumentException("mixed currencies");
            }
            return new Decision(state, List.of(new PlannedAction.AddNote(key(today.toString()), "First", "hello")), List.of());
        };

        ForecastReport report = new Forecast(rule).run(POLICY, List.of(invoice("BAD"), invoice("GOOD")), DAY1, 3);

        assertThat(report.linesFor("BAD")).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(ForecastLine.Kind.ERROR);
            assertThat(line.detail()).contains("mixed currencies");
        });
        assertThat(report.linesFor("GOOD")).hasSize(3);
        assertThat(report.byDate()).containsOnlyKeys(DAY1, DAY1.plusDays(1), DAY1.plusDays(2));
    }

    @Test
    void refusesSillyLengths() {
        Forecast forecast = new Forecast((i, s, p, t) -> new Decision(s, List.of(), List.of()));
        assertThatThrownBy(() -> forecast.run(POLICY, List.of(), DAY1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> forecast.run(POLICY, List.of(), DAY1, Forecast.MAX_DAYS + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static DunningState state(List<String> skipped, String stage) {
        return new DunningState(DunningStatus.ACTIVE, Optional.of(stage), Optional.of(DAY1), Optional.of(DAY1),
                List.of(stage), skipped, List.of(), Optional.empty());
    }

    @Test
    void aReminderLineShowsItsChannelAndTheSubjectOfItsEmailOnTheDayItGoes() {
        Policy policy = new Policy("p", "v1", "test", List.of(
                new Stage("By email", 1, List.of(), List.of(new ActionSpec.SendReminder("t")), Optional.empty(),
                        Optional.of(dev.arrears.domain.policy.ReminderChannel.EMAIL)),
                new Stage("By the ledger", 2, List.of(), List.of(new ActionSpec.SendReminder("t")), Optional.empty(),
                        Optional.of(dev.arrears.domain.policy.ReminderChannel.LEDGER)),
                new Stage("As the organisation", 3, List.of(), List.of(new ActionSpec.SendReminder("t")), Optional.empty())), List.of());
        DecisionRule rule = (invoice, state, p, today) -> {
            String stage = today.equals(DAY1) ? "By email" : today.equals(DAY1.plusDays(1)) ? "By the ledger" : "As the organisation";
            return new Decision(state, List.of(new PlannedAction.SendReminder(key(stage), stage, "t")), List.of());
        };
        ReminderSubjects subjects = (reminder, invoice, day) -> Optional.of("Invoice " + invoice.number() + " on " + day);

        List<String> details = new Forecast(rule, subjects).run(policy, List.of(invoice("INV-1")), DAY1, 3).lines().stream()
                .map(ForecastLine::detail).toList();

        assertThat(details).containsExactly(
                "template 't', by email, subject \"Invoice INV-1 on 2026-12-01\"",
                "template 't', by the ledger's invoice email",
                "template 't', by the organisation's channel, subject \"Invoice INV-1 on 2026-12-03\"");
    }

    private static ActionKey key(String suffix) {
        return new ActionKey("org:inv:" + suffix);
    }

    private static InvoiceSnapshot invoice(String number) {
        return new InvoiceSnapshot("org", number, number, "C1", "Customer", DAY1.minusDays(30), Optional.of(DAY1),
                Money.of("100.00", "GBP"), Money.of("100.00", "GBP"), InvoiceStatus.OPEN, List.of(), false);
    }
}
