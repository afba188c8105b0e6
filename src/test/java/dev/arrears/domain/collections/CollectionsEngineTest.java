package dev.arrears.domain.collections;

import static dev.arrears.domain.testing.TestFacts.dispute;
import static dev.arrears.domain.testing.TestFacts.hold;
import static dev.arrears.domain.testing.TestFacts.promise;
import static dev.arrears.domain.testing.TestFacts.resolved;
import static dev.arrears.domain.testing.TestInvoices.invoice;
import static dev.arrears.domain.testing.TestPolicies.FINAL;
import static dev.arrears.domain.testing.TestPolicies.FIRMER;
import static dev.arrears.domain.testing.TestPolicies.HAND_OFF;
import static dev.arrears.domain.testing.TestPolicies.OVERDUE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.domain.dunning.CollectionsEvent;
import dev.arrears.domain.dunning.Decision;
import dev.arrears.domain.dunning.DunningEngine;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.policy.Policy;
import dev.arrears.domain.policy.PolicyOptions;
import dev.arrears.domain.testing.DailyRun;
import dev.arrears.domain.testing.TestPolicies;
import dev.arrears.domain.testing.TestRules;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Holds, disputes, promises to pay, thank-you notes and the limitation warning, on the default ladder
 * (invoice due 2026-01-01: heads-up 2025-12-29, overdue 01-02, firmer 01-08, final + 40.00 GBP fee 01-15,
 * hand-off 01-31).
 */
class CollectionsEngineTest {

    private static final Policy LADDER = TestPolicies.defaultLadder();
    /** The heads-up day: runs start here so that each stage is planned on its own day. */
    private static final LocalDate START = LocalDate.of(2025, 12, 29);

    static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(2026, month, dayOfMonth);
    }

    static CollectionsContext facts() {
        return CollectionsContext.NONE;
    }

    /** Every action planned over the run, by day, days without actions left out. */
    static Map<LocalDate, List<PlannedAction>> actions(DailyRun run) {
        var byDay = new java.util.TreeMap<LocalDate, List<PlannedAction>>();
        run.decisions().forEach((d, decision) -> {
            if (!decision.actions().isEmpty()) {
                byDay.put(d, decision.actions());
            }
        });
        return byDay;
    }

    static List<String> stagesOf(List<PlannedAction> actions) {
        return actions.stream().map(a -> a.getClass().getSimpleName() + "@" + a.stage()).toList();
    }

    static void assertIdempotent(DailyRun run, LocalDate day, InvoiceSnapshot invoice, Policy policy, CollectionsContext context) {
        Decision again = new DunningEngine().decide(invoice, run.state(), policy, day, context);
        assertThat(again.actions()).as("deciding again on " + day).isEmpty();
        assertThat(again.cancellations()).isEmpty();
        assertThat(again.events()).isEmpty();
        assertThat(again.newState()).isEqualTo(run.state());
    }

    @Nested
    class Holds {

        @Test
        void a_hold_stops_reminders_and_fees_and_its_end_re_enters_at_the_stage_due_that_day_without_a_burst() {
            var context = facts().withHolds(List.of(hold("h1", new HoldScope.Invoice("inv-1"), day(1, 5), day(1, 20))));
            DailyRun run = DailyRun.of(LADDER, invoice().build()).with(context);
            run.daily(LocalDate.of(2025, 12, 20), day(1, 25));

            Map<LocalDate, List<PlannedAction>> actions = actions(run);
            assertThat(actions.keySet()).containsExactly(LocalDate.of(2025, 12, 29), day(1, 2), day(1, 20));
            // firmer (01-08) and final (01-15) fell inside the hold: only the final notice and its fee, on 01-20
            assertThat(stagesOf(actions.get(day(1, 20))))
                    .containsExactly("SendReminder@" + FINAL, "ChargeLateFee@" + FINAL);
            assertThat(run.state().skippedStages()).contains(FIRMER);
            assertThat(run.decisions().get(day(1, 10)).reasons())
                    .contains("suppressed: on hold (invoice inv-1) since 2026-01-05 until 2026-01-19: customer query"
                            + " (set by jo@firm.example); chasing resumes on 2026-01-20");
            assertThat(run.decisions().get(day(1, 20)).reasons())
                    .anyMatch(r -> r.startsWith("hold h1 no longer applies: chasing resumes at the stage due on 2026-01-20"));
            assertIdempotent(run, day(1, 25), invoice().build(), LADDER, context);
        }

        @Test
        void the_first_day_of_a_hold_cancels_pending_actions_once_and_the_review_date_is_the_resume_date() {
            var context = facts().withHolds(List.of(hold("h1", new HoldScope.WholeOrganisation(), day(1, 5), day(1, 20))));
            DailyRun run = DailyRun.of(LADDER, invoice().build()).with(context);
            run.daily(START, day(1, 7));

            assertThat(run.decisions().get(day(1, 5)).cancellations()).singleElement()
                    .satisfies(c -> assertThat(c.reason()).startsWith("pending reminders and fees cancelled: on hold (organisation)"));
            assertThat(run.decisions().get(day(1, 6)).cancellations()).isEmpty();
            assertThat(run.state().nextReviewOn()).contains(day(1, 20));
            assertThat(run.state().stage()).contains(OVERDUE);
        }

        @Test
        void an_open_ended_hold_pauses_until_a_person_releases_it() {
            Hold open = hold("h1", new HoldScope.Customer("cust-1"), day(1, 5), null);
            DailyRun run = DailyRun.of(LADDER, invoice().build()).with(facts().withHolds(List.of(open)));
            run.daily(START, day(2, 10));
            assertThat(actions(run).keySet()).containsExactly(START, day(1, 2));
            assertThat(run.decisions().get(day(2, 10)).reasons()).anyMatch(r -> r.endsWith("until a person lifts it"));

            Hold released = new Hold("h1", open.scope(), open.reason(), open.setBy(), open.setOn(), open.resumeOn(),
                    java.util.Optional.of(day(2, 11)));
            Decision resumed = run.with(facts().withHolds(List.of(released))).on(day(2, 11));
            assertThat(stagesOf(resumed.actions())).containsExactly("FlagForPerson@" + HAND_OFF);
        }

        @Test
        void a_hold_ending_on_a_later_day_than_planned_follows_the_release_date_when_released_early() {
            Hold hold = new Hold("h1", new HoldScope.Invoice("inv-1"), "audit", "jo", day(1, 5),
                    java.util.Optional.of(day(2, 1)), java.util.Optional.of(day(1, 10)));
            assertThat(hold.endsOn()).contains(day(1, 10));
            assertThat(hold.activeOn(day(1, 9))).isTrue();
            assertThat(hold.activeOn(day(1, 10))).isFalse();
        }
    }

    @Nested
    class Disputes {

        @Test
        void a_dispute_raised_after_a_fee_was_planned_but_before_it_was_written_cancels_it() {
            DailyRun run = DailyRun.of(LADDER, invoice().build());
            Decision finalNotice = run.daily(START, day(1, 15));
            assertThat(finalNotice.actions()).anyMatch(PlannedAction.ChargeLateFee.class::isInstance);

            var context = facts().withDisputes(List.of(dispute("d1", "inv-1", day(1, 16))));
            Decision disputed = run.with(context).on(day(1, 16));

            assertThat(disputed.actions()).isEmpty();
            assertThat(disputed.cancellations()).singleElement().satisfies(c -> {
                assertThat(c.invoiceId()).isEqualTo("inv-1");
                assertThat(c.reason()).contains("disputed since 2026-01-16: goods damaged");
            });
            assertThat(disputed.reasons()).contains("suppressed: disputed since 2026-01-16: goods damaged (recorded by jo@firm.example);"
                    + " no messages and no fees until it is resolved");
            assertIdempotent(run, day(1, 16), invoice().build(), LADDER, context);
        }

        @Test
        void no_messages_and_no_repeating_fees_while_disputed_and_the_ladder_resumes_on_resolution() {
            Policy repeating = TestPolicies.defaultLadder(TestRules.fixed("10.00", "GBP").everyDays(7).build());
            Dispute raised = dispute("d1", "inv-1", day(1, 10));
            DailyRun run = DailyRun.of(repeating, invoice().build())
                    .with(facts().withDisputes(List.of(resolved(raised, day(2, 10), DisputeOutcome.REJECTED))));
            run.daily(START, day(2, 12));

            Map<LocalDate, List<PlannedAction>> actions = actions(run);
            assertThat(actions.keySet()).containsExactly(START, day(1, 2), day(1, 8), day(2, 10));
            // 02-10: hand-off is the stage due, and only its flag is planned. The final notice fell inside the
            // dispute, so catch-up skips it, and a skipped stage charges no fee (the existing catch-up rule).
            assertThat(stagesOf(actions.get(day(2, 10)))).containsExactly("FlagForPerson@" + HAND_OFF);
            assertThat(run.state().skippedStages()).contains(FINAL);
            assertThat(run.state().fees()).isEmpty();
        }
    }

    @Nested
    class Promises {

        @Test
        void a_promise_pauses_chasing_through_its_date_and_a_broken_one_resumes_the_day_after_and_is_recorded() {
            var context = facts().withPromises(List.of(promise("p1", day(1, 3), day(1, 10), null)));
            DailyRun run = DailyRun.of(LADDER, invoice().build()).with(context);
            run.daily(START, day(1, 12));

            assertThat(actions(run).keySet()).containsExactly(START, day(1, 2), day(1, 11));
            assertThat(run.decisions().get(day(1, 10)).reasons()).anyMatch(r -> r.startsWith(
                    "suppressed: promise to pay in full by 2026-01-10 (made 2026-01-03, recorded by jo@firm.example);"
                            + " chasing pauses until 2026-01-10 and resumes on 2026-01-11"));
            Decision broken = run.decisions().get(day(1, 11));
            assertThat(stagesOf(broken.actions())).containsExactly("SendReminder@" + FIRMER, "AddNote@" + FIRMER);
            assertThat(broken.events()).containsExactly(new CollectionsEvent.PromiseBroken("cust-1", "inv-1", "p1", day(1, 10)));
            assertThat(run.decisions().get(day(1, 12)).events()).isEmpty();
        }

        @Test
        void a_promise_of_an_amount_kept_is_recorded_and_chasing_resumes_for_the_rest() {
            var context = facts().withPromises(List.of(promise("p1", day(1, 3), day(1, 10), "400.00")));
            DailyRun run = DailyRun.of(LADDER, d -> d.isBefore(day(1, 9)) ? invoice().build()
                    : invoice().paid(day(1, 9), "400.00").build()).with(context);
            run.daily(START, day(1, 11));

            Decision judged = run.decisions().get(day(1, 11));
            assertThat(judged.events()).containsExactly(new CollectionsEvent.PromiseKept("cust-1", "inv-1", "p1", day(1, 10)));
            assertThat(judged.reasons()).anyMatch(r -> r.contains("was kept (400.00 GBP paid): chasing resumes for the 600.00 GBP still owed"));
        }

        @Test
        void a_promise_paid_in_full_ends_dunning_without_a_broken_promise() {
            var context = facts().withPromises(List.of(promise("p1", day(1, 3), day(1, 10), null)));
            DailyRun run = DailyRun.of(LADDER, d -> d.isBefore(day(1, 8)) ? invoice().build()
                    : invoice().paid(day(1, 8), "1000.00").status(InvoiceStatus.PAID).build()).with(context);
            run.daily(START, day(1, 20));
            assertThat(run.decisions().values()).allMatch(d -> d.events().isEmpty());
            assertThat(actions(run).keySet()).containsExactly(START, day(1, 2));
        }
    }

    @Nested
    class ThankYou {

        private final Policy thanking = LADDER.withOptions(PolicyOptions.DEFAULTS.withThankYou("thanks"));

        @Test
        void an_invoice_paid_after_being_chased_gets_one_thank_you() {
            DailyRun run = DailyRun.of(thanking, d -> d.isBefore(day(1, 5)) ? invoice().build()
                    : invoice().paid(day(1, 5), "1000.00").status(InvoiceStatus.PAID).build());
            run.daily(START, day(1, 8));

            assertThat(run.decisions().get(day(1, 5)).actions()).singleElement().satisfies(a -> {
                assertThat(a).isEqualTo(new PlannedAction.SendReminder(
                        new dev.arrears.domain.dunning.ActionKey("org-1:inv-1:thank-you"), "thank-you", "thanks"));
            });
            assertThat(actions(run).keySet()).containsExactly(START, day(1, 2), day(1, 5));
        }

        @Test
        void no_thank_you_for_a_voided_invoice_nor_without_the_option_nor_before_chasing_began() {
            var voided = DailyRun.of(thanking, d -> d.isBefore(day(1, 5)) ? invoice().build()
                    : invoice().status(InvoiceStatus.VOIDED).build());
            voided.daily(START, day(1, 6));
            assertThat(actions(voided).keySet()).containsExactly(START, day(1, 2));

            var optionOff = DailyRun.of(LADDER, d -> d.isBefore(day(1, 5)) ? invoice().build()
                    : invoice().paid(day(1, 5), "1000.00").status(InvoiceStatus.PAID).build());
            optionOff.daily(START, day(1, 6));
            assertThat(actions(optionOff).keySet()).containsExactly(START, day(1, 2));

            var early = DailyRun.of(thanking, d -> d.isBefore(LocalDate.of(2025, 12, 20)) ? invoice().build()
                    : invoice().paid(LocalDate.of(2025, 12, 20), "1000.00").status(InvoiceStatus.PAID).build());
            early.daily(LocalDate.of(2025, 12, 15), day(1, 5));
            assertThat(actions(early)).isEmpty();
        }

        @Test
        void no_thank_you_while_the_customer_is_on_hold() {
            var context = facts().withHolds(List.of(hold("h1", new HoldScope.Customer("cust-1"), day(1, 4), null)));
            DailyRun run = DailyRun.of(thanking, d -> d.isBefore(day(1, 5)) ? invoice().build()
                    : invoice().paid(day(1, 5), "1000.00").status(InvoiceStatus.PAID).build()).with(context);
            run.daily(START, day(1, 6));
            assertThat(run.decisions().get(day(1, 5)).actions()).isEmpty();
            assertThat(run.decisions().get(day(1, 5)).reasons()).anyMatch(r -> r.startsWith("thank-you not sent: on hold (customer cust-1)"));
        }
    }

    @Nested
    class Limitation {

        @Test
        void flagged_once_from_the_warning_day_before_the_limitation_period_ends() {
            InvoiceSnapshot invoice = invoice().build();
            LocalDate warnOn = LocalDate.of(2032, 1, 1).minusDays(180);
            DunningEngine engine = new DunningEngine();
            var context = CollectionsContext.defaults();
            DailyRun run = DailyRun.of(LADDER, invoice).with(context);
            run.daily(START, day(2, 1));
            assertThat(run.state().nextReviewOn()).contains(warnOn);

            Decision warned = run.on(warnOn);
            assertThat(warned.actions()).singleElement().isInstanceOfSatisfying(PlannedAction.FlagForPerson.class, flag -> {
                assertThat(flag.stage()).isEqualTo("limitation");
                assertThat(flag.reason()).startsWith("the limitation period for invoice INV-0001 ends on 2032-01-01 (180 days left;"
                        + " 6 years from the due date 2026-01-01)");
            });
            assertThat(run.on(warnOn.plusDays(1)).actions()).isEmpty();
            assertThat(engine.decide(invoice, run.state(), LADDER, warnOn.plusDays(2), context.withLimitation(new LimitationPeriod(6, 30)))
                    .actions()).isEmpty();
        }

        @Test
        void a_shorter_period_and_warning_are_set_per_organisation_and_no_context_means_no_warning() {
            var scotland = CollectionsContext.NONE.withLimitation(new LimitationPeriod(5, 30));
            Decision warned = new DunningEngine().decide(invoice().build(), dev.arrears.domain.dunning.DunningState.initial(), LADDER,
                    LocalDate.of(2030, 12, 2), scotland);
            assertThat(warned.actions()).anyMatch(a -> a.stage().equals("limitation"));

            Decision none = new DunningEngine().decide(invoice().build(), dev.arrears.domain.dunning.DunningState.initial(), LADDER,
                    LocalDate.of(2031, 12, 2));
            assertThat(none.actions()).noneMatch(a -> a.stage().equals("limitation"));
        }
    }

    @Nested
    class Independence {

        @Test
        void a_customer_hold_leaves_other_customers_alone() {
            var context = facts().withHolds(List.of(hold("h1", new HoldScope.Customer("cust-1"), day(1, 1), null)));
            DailyRun held = DailyRun.of(LADDER, invoice().build()).with(context);
            DailyRun other = DailyRun.of(LADDER, invoice().id("inv-2").customer("cust-2").build()).with(context);
            held.daily(START, day(1, 20));
            other.daily(START, day(1, 20));
            assertThat(actions(held).keySet()).containsExactly(START);
            assertThat(actions(other).keySet()).containsExactly(START, day(1, 2), day(1, 8), day(1, 15));
        }

        @Test
        void two_customers_fee_caps_do_not_affect_each_other() {
            Policy capped = TestPolicies.defaultLadder(TestRules.fixed("10.00", "GBP").everyDays(7).maxTotal("20.00", "GBP").build());
            DailyRun first = DailyRun.of(capped, invoice().build());
            DailyRun second = DailyRun.of(capped, invoice().id("inv-2").customer("cust-2").build());
            first.daily(START, day(2, 28));
            second.daily(START, day(2, 28));
            assertThat(first.state().fees()).hasSize(2);
            assertThat(second.state().fees()).hasSize(2);
            assertThat(List.of(first.state(), second.state())).allMatch(Objects::nonNull);
        }
    }
}
