package dev.arrears.domain.collections;

import static dev.arrears.domain.testing.TestFacts.hold;
import static dev.arrears.domain.testing.TestInvoices.invoice;
import static dev.arrears.domain.testing.TestPolicies.HAND_OFF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.Decision;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.PaymentApplied;
import dev.arrears.domain.money.Money;
import dev.arrears.domain.policy.Policy;
import dev.arrears.domain.policy.PolicyOptions;
import dev.arrears.domain.testing.DailyRun;
import dev.arrears.domain.testing.TestPolicies;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A plan for two invoices of cust-1 (1000.00 GBP each, due 2026-01-01), agreed 2026-01-05:
 * 700.00 by 01-20, 700.00 by 02-20, 600.00 by 03-20. Courtesy reminders 3 days before; a missed
 * instalment is reminded the day after and flagged 7 days after its date.
 */
class PaymentPlanTest {

    private static final Policy LADDER = TestPolicies.defaultLadder();
    private static final LocalDate START = LocalDate.of(2025, 12, 29);

    private static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(2026, month, dayOfMonth);
    }

    private static PaymentPlan plan(Optional<LocalDate> endedOn) {
        return dev.arrears.domain.testing.TestFacts.plan("pp1", List.of("inv-1", "inv-2"), day(1, 5), endedOn,
                day(1, 20), "700.00", day(2, 20), "700.00", day(3, 20), "600.00");
    }

    /** The first invoice as synced on a day, with those of the payments made against it by then. */
    private static Function<LocalDate, InvoiceSnapshot> inv1(List<PaymentApplied> payments) {
        return d -> {
            var builder = invoice();
            payments.stream().filter(p -> !p.date().isAfter(d)).forEach(p -> builder.paid(p.date(), p.amount().amount().toPlainString()));
            return builder.build();
        };
    }

    private static PaymentApplied paid(LocalDate on, String amount) {
        return new PaymentApplied(on, Money.of(amount, "GBP"));
    }

    private static Map<LocalDate, List<String>> keysByDay(DailyRun run) {
        Map<LocalDate, List<String>> byDay = new TreeMap<>();
        run.decisions().forEach((d, decision) -> {
            if (!decision.actions().isEmpty()) {
                byDay.put(d, decision.actions().stream().map(a -> a.key().value()).toList());
            }
        });
        return byDay;
    }

    @Test
    void while_instalments_are_kept_there_are_no_reminders_nor_fees_only_a_courtesy_reminder_before_each() {
        List<PaymentApplied> payments = List.of(paid(day(1, 19), "700.00"), paid(day(2, 20), "700.00"), paid(day(3, 18), "500.00"));
        var context = CollectionsContext.NONE.withPlans(List.of(new PlanStanding(plan(Optional.empty()), payments)));
        // the first payment went to inv-1, the others to inv-2: the plan counts them all
        DailyRun run = DailyRun.of(LADDER, inv1(payments.subList(0, 1))).with(context);
        run.daily(START, day(3, 31));

        Map<LocalDate, List<String>> keys = keysByDay(run);
        assertThat(keys).containsEntry(day(1, 17), List.of("org-1:plan:pp1:i1:courtesy"))
                .containsEntry(day(2, 17), List.of("org-1:plan:pp1:i2:courtesy"))
                .containsEntry(day(3, 17), List.of("org-1:plan:pp1:i3:courtesy"));
        // 03-20: 1900.00 of 2000.00 paid, so instalment 3 is missed the day after
        assertThat(keys).containsEntry(day(3, 21), List.of("org-1:plan:pp1:i3:missed"))
                .containsEntry(day(3, 27), List.of("org-1:plan:pp1:i3:flag"));
        assertThat(keys.keySet()).containsExactly(START, day(1, 2), day(1, 17), day(2, 17), day(3, 17), day(3, 21), day(3, 27));
        assertThat(run.decisions().values()).allMatch(d -> d.actions().stream().noneMatch(PlannedAction.ChargeLateFee.class::isInstance));
        assertThat(run.decisions().get(day(1, 5)).cancellations()).hasSize(1);
        assertThat(run.decisions().get(day(2, 1)).reasons()).anyMatch(r -> r.startsWith(
                "suppressed: payment plan pp1 agreed on 2026-01-05 (3 instalments, 2000.00 GBP, 700.00 GBP paid so far)"));
    }

    @Test
    void a_missed_instalment_starts_its_own_follow_up_and_paying_late_ends_it() {
        List<PaymentApplied> payments = List.of(paid(day(1, 19), "700.00"), paid(day(2, 24), "700.00"));
        var context = CollectionsContext.NONE.withPlans(List.of(new PlanStanding(plan(Optional.empty()), payments)));
        DailyRun run = DailyRun.of(LADDER, inv1(payments)).with(context);
        run.daily(START, day(3, 10));

        Map<LocalDate, List<String>> keys = keysByDay(run);
        assertThat(keys).containsEntry(day(2, 21), List.of("org-1:plan:pp1:i2:missed"));
        assertThat(keys).doesNotContainKey(day(2, 27)); // paid on 02-24: no flag
        assertThat(run.decisions().get(day(2, 21)).actions()).singleElement()
                .isEqualTo(new PlannedAction.SendReminder(new ActionKey("org-1:plan:pp1:i2:missed"), "payment plan", "instalment-missed"));
        assertThat(run.decisions().get(day(2, 21)).reasons()).anyMatch(r -> r.equals("payment plan pp1: instalment 2 of 700.00 GBP due on"
                + " 2026-02-20 was missed (700.00 GBP paid towards the plan, 1400.00 GBP due by then)"));
    }

    @Test
    void a_hold_ending_during_a_payment_plan_resumes_the_plans_messages_not_the_ladder() {
        // Customer hold 01-10 to 01-24, first instalment unpaid: no courtesy (01-17) nor missed reminder (01-21)
        // inside the hold; on 01-25 one missed reminder and nothing from the ladder.
        var context = CollectionsContext.NONE
                .withPlans(List.of(PlanStanding.withoutPayments(plan(Optional.empty()))))
                .withHolds(List.of(hold("h1", new HoldScope.Customer("cust-1"), day(1, 10), day(1, 25))));
        DailyRun run = DailyRun.of(LADDER, invoice().build()).with(context);
        run.daily(START, day(2, 1));

        Map<LocalDate, List<String>> keys = keysByDay(run);
        assertThat(keys.keySet()).containsExactly(START, day(1, 2), day(1, 25), day(1, 27));
        assertThat(keys.get(day(1, 25))).containsExactly("org-1:plan:pp1:i1:missed");
        assertThat(keys.get(day(1, 27))).containsExactly("org-1:plan:pp1:i1:flag");
        assertThat(run.decisions().get(day(1, 17)).reasons())
                .contains("payment plan pp1: its reminders are suppressed too while the invoice is on hold or disputed");
        assertThat(run.decisions().get(day(1, 25)).reasons()).anyMatch(r -> r.startsWith("suppressed: payment plan pp1"));
    }

    @Test
    void ending_the_plan_resumes_the_ladder_at_the_stage_due_that_day() {
        var context = CollectionsContext.NONE.withPlans(List.of(PlanStanding.withoutPayments(plan(Optional.of(day(3, 1))))));
        DailyRun run = DailyRun.of(LADDER, invoice().build()).with(context);
        run.daily(START, day(3, 2));

        Decision resumed = run.decisions().get(day(3, 1));
        assertThat(resumed.actions()).singleElement().satisfies(a -> assertThat(a.stage()).isEqualTo(HAND_OFF));
        assertThat(resumed.reasons()).anyMatch(r -> r.startsWith("plan pp1 no longer applies: chasing resumes at the stage due on 2026-03-01"));
    }

    @Test
    void a_plan_message_is_keyed_by_the_plan_so_each_covered_invoice_plans_the_same_action() {
        var context = CollectionsContext.NONE.withPlans(List.of(PlanStanding.withoutPayments(plan(Optional.empty()))));
        DailyRun first = DailyRun.of(LADDER, invoice().build()).with(context);
        DailyRun second = DailyRun.of(LADDER, invoice().id("inv-2").build()).with(context);
        first.daily(START, day(1, 17));
        second.daily(START, day(1, 17));
        assertThat(first.decisions().get(day(1, 17)).actions()).isEqualTo(second.decisions().get(day(1, 17)).actions());
        // an invoice of the customer outside the plan is chased as usual
        DailyRun outside = DailyRun.of(LADDER, invoice().id("inv-3").build()).with(context);
        outside.daily(START, day(1, 17));
        assertThat(outside.state().stage()).contains(TestPolicies.FINAL);
    }

    @Test
    void the_terms_render_as_text_for_the_customer() {
        String text = PaymentPlanTerms.render(plan(Optional.empty()), "Acme Ltd", Map.of("inv-1", "INV-0001", "inv-2", "INV-0002"),
                PolicyOptions.DEFAULTS);
        assertThat(text).startsWith("Payment plan pp1 agreed on 2026-01-05 with Acme Ltd\n"
                + "Invoices covered: INV-0001, INV-0002\n"
                + "Total to be paid under this plan: 2000.00 GBP\n\n"
                + "Instalments:\n"
                + "  1. 700.00 GBP by 2026-01-20\n"
                + "  2. 700.00 GBP by 2026-02-20\n"
                + "  3. 600.00 GBP by 2026-03-20\n")
                .contains("no late fees")
                .contains("courtesy reminder 3 days before each instalment")
                .contains("unpaid 7 days after its date");
    }
}
