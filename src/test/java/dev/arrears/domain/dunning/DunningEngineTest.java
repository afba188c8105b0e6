package dev.arrears.domain.dunning;

import static dev.arrears.domain.testing.TestInvoices.DUE;
import static dev.arrears.domain.testing.TestInvoices.invoice;
import static dev.arrears.domain.testing.TestPolicies.FINAL;
import static dev.arrears.domain.testing.TestPolicies.FIRMER;
import static dev.arrears.domain.testing.TestPolicies.HAND_OFF;
import static dev.arrears.domain.testing.TestPolicies.HEADS_UP;
import static dev.arrears.domain.testing.TestPolicies.OVERDUE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import dev.arrears.domain.policy.ActionSpec;
import dev.arrears.domain.policy.Policy;
import dev.arrears.domain.policy.Stage;
import dev.arrears.domain.policy.StageCondition;
import dev.arrears.domain.testing.DailyRun;
import dev.arrears.domain.testing.TestPolicies;
import dev.arrears.domain.testing.TestRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DunningEngineTest {

    private final DunningEngine engine = new DunningEngine();
    private final Policy ladder = TestPolicies.defaultLadder();

    private static LocalDate day(int year, int month, int dayOfMonth) {
        return LocalDate.of(year, month, dayOfMonth);
    }

    private static List<String> keys(Decision decision) {
        return decision.actions().stream().map(a -> a.key().value()).toList();
    }

    private static Optional<ChargedFee> onlyFee(Decision decision) {
        return decision.actions().stream().filter(PlannedAction.ChargeLateFee.class::isInstance)
                .map(a -> ChargedFee.of(((PlannedAction.ChargeLateFee) a).fee())).findFirst();
    }

    @Nested
    class TheDefaultLadder {

        @ParameterizedTest(name = "''{0}'' is reached on {1}, not the day before")
        @CsvSource(delimiter = '|', value = {
                "Heads-up         | 2025-12-29 | org-1:inv-1:stage:heads-up:reminder:0",
                "Overdue notice   | 2026-01-02 | org-1:inv-1:stage:overdue-notice:reminder:0",
                "Firmer reminder  | 2026-01-08 | org-1:inv-1:stage:firmer-reminder:reminder:0 org-1:inv-1:stage:firmer-reminder:note:1",
                "Final notice     | 2026-01-15 | org-1:inv-1:stage:final-notice:reminder:0 org-1:inv-1:fee:late-fee:p1",
                "Hand to a person | 2026-01-31 | org-1:inv-1:stage:hand-to-a-person:flag:0"})
        void every_stage_is_reached_on_its_exact_day_and_not_the_day_before(String stage, LocalDate reachedOn, String expectedKeys) {
            DailyRun run = DailyRun.of(ladder, invoice().build());
            Decision dayBefore = run.daily(day(2025, 12, 20), reachedOn.minusDays(1));
            assertThat(dayBefore.newState().stage()).isNotEqualTo(Optional.of(stage));
            assertThat(dayBefore.actions()).isEmpty();

            Decision onTheDay = run.on(reachedOn);
            assertThat(onTheDay.newState().stage()).contains(stage);
            assertThat(onTheDay.newState().stageEnteredOn()).contains(reachedOn);
            assertThat(onTheDay.newState().status()).isEqualTo(DunningStatus.ACTIVE);
            assertThat(keys(onTheDay)).containsExactly(expectedKeys.split(" "));
            assertThat(onTheDay.reasons()).anyMatch(r -> r.startsWith("reached '" + stage + "' (from " + reachedOn));
        }

        @Test
        void the_due_date_itself_is_not_overdue() {
            Decision onDueDate = DailyRun.of(ladder, invoice().build()).daily(day(2025, 12, 29), DUE);
            assertThat(onDueDate.newState().stage()).contains(HEADS_UP);
            assertThat(onDueDate.actions()).isEmpty();
        }

        @Test
        void stage_actions_carry_the_policy_s_wording_in_order() {
            Decision firmer = DailyRun.of(ladder, invoice().build()).on(day(2026, 1, 8));
            assertThat(firmer.actions()).containsExactly(
                    new PlannedAction.SendReminder(ActionKey.forStage("org-1", "inv-1", FIRMER, "reminder", 0), FIRMER, "firmer"),
                    new PlannedAction.AddNote(ActionKey.forStage("org-1", "inv-1", FIRMER, "note", 1), FIRMER, "Firmer reminder sent"));
        }

        @Test
        void the_final_notice_charges_its_late_fee_and_remembers_it() {
            DailyRun run = DailyRun.of(ladder, invoice().build());
            Decision finalNotice = run.daily(day(2025, 12, 29), day(2026, 1, 15));
            PlannedAction.ChargeLateFee fee = (PlannedAction.ChargeLateFee) finalNotice.actions().get(1);
            assertThat(fee.stage()).isEqualTo(FINAL);
            assertThat(fee.fee().amount()).isEqualTo(Money.of("40.00", "GBP"));
            assertThat(finalNotice.newState().fees()).containsExactly(
                    new ChargedFee("late-fee", 1, day(2026, 1, 15), Money.of("40.00", "GBP")));
        }

        @Test
        void every_stage_is_completed_once_in_order_when_run_every_day() {
            DailyRun run = DailyRun.of(ladder, invoice().build());
            Decision last = run.daily(day(2025, 12, 1), day(2026, 3, 31));
            assertThat(last.newState().completedStages()).containsExactly(HEADS_UP, OVERDUE, FIRMER, FINAL, HAND_OFF);
            assertThat(last.newState().skippedStages()).isEmpty();
            long actionsPlanned = run.decisions().values().stream().mapToLong(d -> d.actions().size()).sum();
            assertThat(actionsPlanned).isEqualTo(1 + 1 + 2 + 2 + 1);
        }
    }

    @Nested
    class CatchUp {

        @Test
        void after_twenty_days_of_downtime_only_the_most_severe_due_stage_runs_and_the_rest_are_recorded() {
            DailyRun run = DailyRun.of(ladder, invoice().build());
            run.daily(day(2025, 12, 29), day(2026, 1, 2)); // heads-up and overdue notice done
            Decision afterDowntime = run.on(day(2026, 1, 22));

            assertThat(afterDowntime.newState().stage()).contains(FINAL);
            assertThat(keys(afterDowntime)).containsExactly(
                    "org-1:inv-1:stage:final-notice:reminder:0", "org-1:inv-1:fee:late-fee:p1");
            assertThat(afterDowntime.newState().skippedStages()).containsExactly(FIRMER);
            assertThat(afterDowntime.newState().completedStages()).containsExactly(HEADS_UP, OVERDUE, FINAL);
            assertThat(afterDowntime.reasons()).contains("skipped 'Firmer reminder' (due 2026-01-08): catch-up to 'Final notice'");
        }

        @Test
        void a_newly_imported_old_invoice_goes_straight_to_its_stage() {
            Decision first = engine.decide(invoice().build(), DunningState.initial(), ladder, day(2026, 1, 20));
            assertThat(first.newState().stage()).contains(FINAL);
            assertThat(first.newState().skippedStages()).containsExactly(HEADS_UP, OVERDUE, FIRMER);
            assertThat(first.actions()).hasSize(2);
            assertThat(first.reasons()).contains(
                    "skipped 'Heads-up' (due 2025-12-29): catch-up to 'Final notice'",
                    "skipped 'Overdue notice' (due 2026-01-02): catch-up to 'Final notice'",
                    "skipped 'Firmer reminder' (due 2026-01-08): catch-up to 'Final notice'");
        }

        @Test
        void a_stage_skipped_by_catch_up_charges_no_fee() {
            Decision first = engine.decide(invoice().build(), DunningState.initial(), ladder, day(2026, 2, 10));
            assertThat(first.newState().stage()).contains(HAND_OFF);
            assertThat(first.newState().skippedStages()).contains(FINAL);
            assertThat(first.newState().fees()).isEmpty();
            assertThat(keys(first)).containsExactly("org-1:inv-1:stage:hand-to-a-person:flag:0");
        }

        @Test
        void stages_already_completed_are_not_reported_as_skipped() {
            DailyRun run = DailyRun.of(ladder, invoice().build());
            run.daily(day(2025, 12, 29), day(2026, 1, 8));
            Decision later = run.on(day(2026, 1, 31));
            assertThat(later.newState().skippedStages()).containsExactly(FINAL);
            assertThat(later.reasons()).noneMatch(r -> r.contains("skipped 'Firmer reminder'"));
        }
    }

    @Nested
    class Payments {

        @Test
        void a_payment_between_two_stages_leaves_dunning_and_plans_nothing() {
            InvoiceSnapshot unpaid = invoice().build();
            InvoiceSnapshot paid = invoice().paid(day(2026, 1, 10), "1000.00").status(InvoiceStatus.PAID).build();
            DailyRun run = DailyRun.of(ladder, d -> d.isBefore(day(2026, 1, 10)) ? unpaid : paid);
            run.daily(day(2025, 12, 29), day(2026, 1, 9));

            Decision afterPayment = run.daily(day(2026, 1, 10), day(2026, 2, 28));
            assertThat(afterPayment.newState().status()).isEqualTo(DunningStatus.LEFT);
            assertThat(afterPayment.newState().nextReviewOn()).isEmpty();
            assertThat(afterPayment.newState().completedStages()).containsExactly(HEADS_UP, OVERDUE, FIRMER);
            assertThat(run.decisions().entrySet()).filteredOn(e -> !e.getKey().isBefore(day(2026, 1, 10)))
                    .allMatch(e -> e.getValue().plansNothing());
            assertThat(afterPayment.reasons()).containsExactly(
                    "invoice INV-0001 is paid in full: it leaves dunning at 'Firmer reminder' and nothing more is planned");
        }

        @Test
        void an_invoice_whose_amount_due_reached_zero_is_settled_whatever_its_status_word() {
            InvoiceSnapshot credited = invoice().paid(day(2026, 1, 3), "1000.00").build();
            Decision decision = engine.decide(credited, DunningState.initial(), ladder, day(2026, 1, 20));
            assertThat(decision.newState().status()).isEqualTo(DunningStatus.LEFT);
            assertThat(decision.reasons().getFirst()).contains("paid in full (amount due 0.00 GBP)");
        }

        @ParameterizedTest
        @CsvSource({"VOIDED, voided", "DELETED, deleted"})
        void voided_and_deleted_invoices_leave_dunning(InvoiceStatus status, String words) {
            Decision decision = engine.decide(invoice().status(status).build(), DunningState.initial(), ladder, day(2026, 1, 20));
            assertThat(decision.newState().status()).isEqualTo(DunningStatus.LEFT);
            assertThat(decision.actions()).isEmpty();
            assertThat(decision.reasons().getFirst()).contains("is " + words);
        }

        @Test
        void a_partial_payment_lowers_a_percentage_fee() {
            Policy percentLadder = TestPolicies.defaultLadder(TestRules.percent("2").build());
            InvoiceSnapshot partlyPaid = invoice().paid(day(2026, 1, 10), "400.00").build();
            Decision finalNotice = engine.decide(partlyPaid, DunningState.initial(), percentLadder, day(2026, 1, 15));
            // 2% of the 600.00 still owed
            assertThat(onlyFee(finalNotice)).contains(new ChargedFee("late-fee", 1, day(2026, 1, 15), Money.of("12.00", "GBP")));
        }

        @Test
        void a_partial_payment_lowers_the_interest_from_the_day_after_it_was_applied() {
            Policy interestLadder = TestPolicies.defaultLadder(TestRules.interest("8", 365).build());
            InvoiceSnapshot partlyPaid = invoice().paid(day(2026, 1, 10), "400.00").build();
            Decision finalNotice = engine.decide(partlyPaid, DunningState.initial(), interestLadder, day(2026, 1, 15));
            // 1000.00 × 9 days (01-02..01-10) + 600.00 × 5 days (01-11..01-15) = 12000; × 8% / 365 = 2.6301...
            assertThat(onlyFee(finalNotice)).contains(new ChargedFee("interest", 1, day(2026, 1, 15), Money.of("2.63", "GBP")));
        }

        @Test
        void a_reversed_payment_brings_the_invoice_back_without_re_sending_anything() {
            DailyRun run = DailyRun.of(ladder, d -> d.equals(day(2026, 1, 5))
                    ? invoice().status(InvoiceStatus.PAID).amountDue("0.00").build() : invoice().build());
            run.daily(day(2025, 12, 29), day(2026, 1, 5));
            assertThat(run.state().status()).isEqualTo(DunningStatus.LEFT);
            Decision back = run.on(day(2026, 1, 6));
            assertThat(back.newState().status()).isEqualTo(DunningStatus.ACTIVE);
            assertThat(back.newState().stage()).contains(OVERDUE);
            assertThat(back.actions()).isEmpty();
            assertThat(back.reasons()).contains("owed again (amount due 1000.00 GBP): chasing resumes");
        }
    }

    @Nested
    class MovedDueDates {

        @Test
        void a_due_date_moved_later_returns_the_invoice_to_the_right_earlier_stage_and_nothing_is_re_sent() {
            LocalDate movedTo = day(2026, 1, 6);
            DailyRun run = DailyRun.of(ladder, d -> d.isBefore(day(2026, 1, 10)) ? invoice().build() : invoice().due(movedTo).build());
            run.daily(day(2025, 12, 29), day(2026, 1, 9)); // firmer reminder done under the old date

            Decision moved = run.on(day(2026, 1, 10));
            // new dates: heads-up 01-03, overdue 01-07, firmer 01-13, final 01-20, hand-off 02-05
            assertThat(moved.newState().stage()).contains(OVERDUE);
            assertThat(moved.newState().dueDateAtStage()).contains(movedTo);
            assertThat(moved.actions()).isEmpty();
            assertThat(moved.reasons()).contains(
                    "due date moved from 2026-01-01 to 2026-01-06: stages are worked out again from the new date; "
                            + "nothing already sent is sent again",
                    "'Overdue notice' was done before; nothing is sent again");

            Decision firmerAgain = run.daily(day(2026, 1, 11), day(2026, 1, 13));
            assertThat(firmerAgain.newState().stage()).contains(FIRMER);
            assertThat(firmerAgain.actions()).isEmpty();

            run.daily(day(2026, 1, 14), day(2026, 1, 19));
            assertThat(run.state().stage()).contains(FIRMER);
            Decision finalNotice = run.on(day(2026, 1, 20));
            assertThat(keys(finalNotice)).containsExactly(
                    "org-1:inv-1:stage:final-notice:reminder:0", "org-1:inv-1:fee:late-fee:p1");
            assertThat(finalNotice.newState().skippedStages()).isEmpty();
        }

        @Test
        void a_stage_skipped_by_catch_up_is_sent_if_a_moved_due_date_brings_the_invoice_back_to_it() {
            LocalDate movedTo = day(2026, 1, 15); // new dates: overdue 01-16, firmer 01-22, final 01-29
            DailyRun run = DailyRun.of(ladder, d -> d.isBefore(day(2026, 1, 21)) ? invoice().build() : invoice().due(movedTo).build());
            run.on(day(2026, 1, 20)); // catch-up to the final notice, skipping the three before it
            Decision moved = run.on(day(2026, 1, 21));
            assertThat(moved.newState().stage()).contains(OVERDUE);
            assertThat(keys(moved)).containsExactly("org-1:inv-1:stage:overdue-notice:reminder:0");
            assertThat(run.daily(day(2026, 1, 22), day(2026, 1, 29)).newState().completedStages())
                    .containsExactly(FINAL, OVERDUE, FIRMER);
            assertThat(run.decisions().get(day(2026, 1, 29)).actions()).isEmpty(); // the final notice is not re-sent
        }

        @Test
        void a_due_date_moved_far_enough_puts_the_invoice_back_before_its_first_stage() {
            DailyRun run = DailyRun.of(ladder, d -> d.isBefore(day(2026, 1, 10)) ? invoice().build() : invoice().due(day(2026, 2, 1)).build());
            run.daily(day(2025, 12, 29), day(2026, 1, 9));
            Decision moved = run.on(day(2026, 1, 10));
            assertThat(moved.newState().status()).isEqualTo(DunningStatus.NOT_STARTED);
            assertThat(moved.newState().stage()).isEmpty();
            assertThat(moved.newState().nextReviewOn()).contains(day(2026, 1, 29));
            assertThat(moved.newState().completedStages()).containsExactly(HEADS_UP, OVERDUE, FIRMER);
        }

        @Test
        void a_due_date_moved_earlier_moves_the_invoice_on() {
            DailyRun run = DailyRun.of(ladder, d -> d.isBefore(day(2026, 1, 10)) ? invoice().build() : invoice().due(day(2025, 12, 25)).build());
            run.daily(day(2025, 12, 29), day(2026, 1, 9)); // firmer reminder done
            Decision moved = run.on(day(2026, 1, 10)); // final notice now fell on 2026-01-08
            assertThat(moved.newState().stage()).contains(FINAL);
            assertThat(keys(moved)).containsExactly("org-1:inv-1:stage:final-notice:reminder:0", "org-1:inv-1:fee:late-fee:p1");
        }
    }

    @Nested
    class StageConditions {

        private final Policy onlyAbove500 = TestPolicies.ladder(TestRules.fixed("40.00", "GBP").build(),
                List.of(new StageCondition.MinimumAmountDue(new BigDecimal("500"), Optional.of(Money.currency("GBP")))));

        @Test
        void a_stage_whose_minimum_is_not_met_is_not_applied_and_the_reason_says_so() {
            InvoiceSnapshot small = invoice().total("300.00", "GBP").build();
            Decision decision = engine.decide(small, DunningState.initial(), onlyAbove500, day(2026, 1, 20));
            assertThat(decision.newState().stage()).contains(FIRMER);
            assertThat(decision.newState().fees()).isEmpty();
            assertThat(decision.reasons()).contains(
                    "'Final notice' (from 2026-01-15) does not apply: amount due 300.00 GBP is below the minimum of 500 GBP");
        }

        @Test
        void a_minimum_in_another_currency_does_not_apply_to_this_invoice() {
            InvoiceSnapshot euros = invoice().total("300.00", "EUR").build();
            Policy euroFee = TestPolicies.ladder(TestRules.fixed("40.00", "EUR").build(),
                    List.of(new StageCondition.MinimumAmountDue(new BigDecimal("500"), Optional.of(Money.currency("GBP")))));
            assertThat(engine.decide(euros, DunningState.initial(), euroFee, day(2026, 1, 20)).newState().stage()).contains(FINAL);
        }

        @Test
        void a_payment_below_the_minimum_does_not_move_the_invoice_back() {
            DailyRun run = DailyRun.of(onlyAbove500, d -> d.isBefore(day(2026, 1, 16))
                    ? invoice().build() : invoice().paid(day(2026, 1, 16), "800.00").build());
            run.daily(day(2026, 1, 14), day(2026, 1, 15));
            Decision afterPayment = run.on(day(2026, 1, 17));
            assertThat(afterPayment.newState().stage()).contains(FINAL);
        }
    }

    @Nested
    class ActionKeys {

        /** The reproduction of issue 18: both names have no ASCII letter, and both once became "stage::reminder:0". */
        @Test
        void a_japanese_ladders_final_reminder_is_planned_under_its_own_key() {
            Policy japanese = new Policy("japan", "v1", "test", List.of(
                    TestPolicies.stage("最初のお知らせ", 1, List.of(), new ActionSpec.SendReminder("overdue")),
                    TestPolicies.stage("最終通知", 14, List.of(), new ActionSpec.SendReminder("final"))), List.of());
            DailyRun run = DailyRun.of(japanese, invoice().build());

            Decision first = run.daily(day(2026, 1, 1), day(2026, 1, 2));
            Decision last = run.daily(day(2026, 1, 3), day(2026, 1, 15));

            assertThat(keys(first)).singleElement().isNotEqualTo(keys(last).getFirst());
            assertThat(keys(last)).containsExactly("org-1:inv-1:stage:" + dev.arrears.domain.policy.StableKey.defaultFor("最終通知")
                    + ":reminder:0");
        }

        /** Keys already stored keep matching: an ASCII name's default key is the slug action keys always held. */
        @Test
        void an_ascii_stage_keeps_the_key_it_had_before_keys_could_be_written() {
            assertThat(keys(DailyRun.of(ladder, invoice().build()).daily(day(2025, 12, 29), day(2026, 1, 8))))
                    .containsExactly("org-1:inv-1:stage:firmer-reminder:reminder:0", "org-1:inv-1:stage:firmer-reminder:note:1");
            assertThat(dev.arrears.domain.policy.StableKey.defaultFor("Relance énergique !")).isEqualTo("relance-nergique");
        }
    }

    @Nested
    class RepeatingFees {

        private final Policy monthlyFee = TestPolicies.defaultLadder(TestRules.fixed("10.00", "GBP").everyDays(30).maxCount(3).build());

        @Test
        void a_repeating_fee_keeps_being_charged_after_its_stage_until_its_cap() {
            DailyRun run = DailyRun.of(monthlyFee, invoice().build());
            run.daily(day(2026, 1, 1), day(2026, 6, 30));
            assertThat(run.state().fees()).extracting(ChargedFee::period, ChargedFee::chargeDate).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(1, day(2026, 1, 15)),
                    org.assertj.core.groups.Tuple.tuple(2, day(2026, 2, 14)),
                    org.assertj.core.groups.Tuple.tuple(3, day(2026, 3, 16)));
            assertThat(run.decisions().get(day(2026, 2, 14)).actions()).singleElement()
                    .satisfies(a -> assertThat(a.key().value()).isEqualTo("org-1:inv-1:fee:late-fee:p2"))
                    .satisfies(a -> assertThat(a.stage()).isEqualTo(FINAL));
            assertThat(run.decisions().get(day(2026, 3, 16)).newState().nextReviewOn()).isEmpty();
        }

        /**
         * Meant (config/README.md, "Repeats"): a stage says how firmly to chase, not whether an agreed fee stops, so a
         * later stage that does not name the rule neither stops it nor restarts its count; only its caps end it.
         */
        @Test
        void a_repeating_fee_is_still_charged_while_the_invoice_is_in_a_later_stage_that_does_not_name_it() {
            DailyRun run = DailyRun.of(monthlyFee, invoice().build());
            Decision secondPeriod = run.daily(day(2026, 1, 1), day(2026, 2, 14));

            assertThat(secondPeriod.newState().stage()).contains(HAND_OFF);
            assertThat(secondPeriod.actions()).singleElement().isInstanceOfSatisfying(PlannedAction.ChargeLateFee.class, fee -> {
                assertThat(fee.stage()).isEqualTo(FINAL);
                assertThat(fee.fee().period()).isEqualTo(2);
            });
        }

        @Test
        void the_next_review_is_the_next_fee_period_when_no_stage_is_left() {
            DailyRun run = DailyRun.of(monthlyFee, invoice().build());
            Decision decision = run.daily(day(2026, 1, 1), day(2026, 2, 1));
            assertThat(decision.newState().stage()).contains(HAND_OFF);
            assertThat(decision.newState().nextReviewOn()).contains(day(2026, 2, 14));
        }

        @Test
        void a_rule_charged_by_two_stages_is_charged_once_a_period_counted_from_the_first() {
            var rule = TestRules.fixed("10.00", "GBP").everyDays(30).build();
            Policy twice = new Policy("twice", "v1", "test", List.of(
                    TestPolicies.stage("Late", 1, List.of(), new ActionSpec.ChargeLateFee(rule.id())),
                    TestPolicies.stage("Later", 20, List.of(), new ActionSpec.ChargeLateFee(rule.id()))), List.of(rule));
            DailyRun run = DailyRun.of(twice, invoice().build());
            run.daily(day(2026, 1, 1), day(2026, 2, 28));
            assertThat(run.state().fees()).extracting(ChargedFee::chargeDate)
                    .containsExactly(day(2026, 1, 2), day(2026, 2, 1));
        }
    }

    @Nested
    class NextReview {

        @Test
        void the_next_review_is_the_next_stage_date() {
            Decision headsUp = engine.decide(invoice().build(), DunningState.initial(), ladder, day(2025, 12, 29));
            assertThat(headsUp.newState().nextReviewOn()).contains(day(2026, 1, 2));
            Decision early = engine.decide(invoice().build(), DunningState.initial(), ladder, day(2025, 12, 1));
            assertThat(early.newState().status()).isEqualTo(DunningStatus.NOT_STARTED);
            assertThat(early.newState().nextReviewOn()).contains(day(2025, 12, 29));
        }

        @Test
        void a_stage_s_review_interval_brings_the_review_forward() {
            Policy withReview = new Policy("review", "v1", "test", List.of(
                    new Stage("Overdue", 1, List.of(), List.of(new ActionSpec.SendReminder("overdue")), Optional.of(3)),
                    TestPolicies.stage("Final", 30, List.of(), new ActionSpec.SendReminder("final"))), List.of());
            Decision decision = engine.decide(invoice().build(), DunningState.initial(), withReview, day(2026, 1, 2));
            assertThat(decision.newState().nextReviewOn()).contains(day(2026, 1, 5));
        }

        @Test
        void nothing_to_review_once_the_last_stage_is_done_and_no_fee_can_follow() {
            Decision last = DailyRun.of(ladder, invoice().build()).daily(day(2026, 1, 1), day(2026, 2, 1));
            assertThat(last.newState().stage()).contains(HAND_OFF);
            assertThat(last.newState().nextReviewOn()).isEmpty();
        }
    }

    @Nested
    class NotChased {

        @Test
        void an_invoice_without_a_due_date_is_flagged_once_and_never_given_a_guessed_date() {
            InvoiceSnapshot undated = invoice().withoutDueDate().build();
            Decision first = engine.decide(undated, DunningState.initial(), ladder, day(2026, 3, 1));
            assertThat(first.newState().status()).isEqualTo(DunningStatus.FLAGGED);
            assertThat(first.actions()).singleElement().isInstanceOf(PlannedAction.FlagForPerson.class)
                    .satisfies(a -> assertThat(a.key().value()).isEqualTo("org-1:inv-1:no-due-date"));
            assertThat(first.newState().stage()).isEmpty();
            assertThat(first.reasons().getFirst()).contains("has no due date").contains("never guesses");

            Decision second = engine.decide(undated, first.newState(), ladder, day(2026, 3, 2));
            assertThat(second.actions()).isEmpty();
            assertThat(second.newState()).isEqualTo(first.newState());
        }

        @Test
        void a_flagged_invoice_that_gets_a_due_date_is_chased_from_it() {
            Decision flagged = engine.decide(invoice().withoutDueDate().build(), DunningState.initial(), ladder, day(2026, 1, 1));
            Decision dated = engine.decide(invoice().build(), flagged.newState(), ladder, day(2026, 1, 2));
            assertThat(dated.newState().status()).isEqualTo(DunningStatus.ACTIVE);
            assertThat(dated.newState().stage()).contains(OVERDUE);
            assertThat(dated.reasons()).contains("the due date is now known (2026-01-01): chasing can start");
        }

        @Test
        void a_draft_is_not_chased() {
            Decision decision = engine.decide(invoice().status(InvoiceStatus.DRAFT).build(), DunningState.initial(), ladder, day(2026, 2, 1));
            assertThat(decision.actions()).isEmpty();
            assertThat(decision.newState().status()).isEqualTo(DunningStatus.NOT_STARTED);
            assertThat(decision.reasons()).containsExactly("invoice INV-0001 is a draft, not yet sent to the customer: not chased");
        }

        @Test
        void a_late_fee_invoice_raised_by_arrears_is_not_chased() {
            Decision decision = engine.decide(invoice().lateFeeInvoice().build(), DunningState.initial(), ladder, day(2026, 2, 1));
            assertThat(decision.actions()).isEmpty();
            assertThat(decision.newState()).isEqualTo(DunningState.initial());
            assertThat(decision.reasons().getFirst()).contains("late fees are not chased");
        }
    }

    @Nested
    class Idempotence {

        @Test
        void deciding_again_on_the_same_day_plans_nothing_and_returns_an_equal_state() {
            for (LocalDate today = day(2025, 12, 25); today.isBefore(day(2026, 3, 1)); today = today.plusDays(3)) {
                Decision first = engine.decide(invoice().build(), DunningState.initial(), ladder, today);
                Decision again = engine.decide(invoice().build(), first.newState(), ladder, today);
                assertThat(again.actions()).as("on %s", today).isEmpty();
                assertThat(again.newState()).as("on %s", today).isEqualTo(first.newState());
            }
        }
    }
}
