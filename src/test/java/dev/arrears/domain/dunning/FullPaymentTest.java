package dev.arrears.domain.dunning;

import static dev.arrears.domain.testing.TestInvoices.DUE;
import static dev.arrears.domain.testing.TestInvoices.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.domain.collections.CollectionsContext;
import dev.arrears.domain.collections.Hold;
import dev.arrears.domain.collections.HoldScope;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import dev.arrears.domain.policy.ActionSpec;
import dev.arrears.domain.policy.FeeCaps;
import dev.arrears.domain.policy.FeeComputation;
import dev.arrears.domain.policy.LateFeeRule;
import dev.arrears.domain.policy.OnFullPayment;
import dev.arrears.domain.policy.Policy;
import dev.arrears.domain.statutory.Regimes;
import dev.arrears.domain.testing.TestPolicies;
import dev.arrears.domain.testing.TestRules;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A full payment after the due date: what the fee rules accrued and did not charge up to the payment day.
 * UK figures (RULES.md rows, the same as config/statutory): a 1000.00 GBP debt due 2026-01-01 bears
 * 8 + 3.75 = 11.75 % a year; paid on 2026-01-02, one day: 1000 x 11.75 / 36500 = 0.3219 -> 0.32, and the
 * fixed compensation of the band from 1000.00 is 70.00, owed once interest began to run (s.5A(1)).
 */
class FullPaymentTest {

    private static final LocalDate PAID_ON = DUE.plusDays(1);
    private final DunningEngine engine = new DunningEngine();

    private static LateFeeRule interest(OnFullPayment choice) {
        return new LateFeeRule("interest", new FeeComputation.StatutoryInterest(Regimes.UK), 0, Optional.of(30), FeeCaps.NONE,
                RoundingMode.HALF_UP, "interest", choice);
    }

    private static LateFeeRule compensation(OnFullPayment choice) {
        return new LateFeeRule("compensation", new FeeComputation.StatutoryCompensation(Regimes.UK), 0, Optional.empty(),
                FeeCaps.NONE, RoundingMode.HALF_UP, "compensation", choice);
    }

    /** Reminders from day 1; interest and compensation are charged only at day 30, long after this payment. */
    private static Policy statutory(LateFeeRule... rules) {
        return new Policy("uk", "v1", "test", List.of(
                TestPolicies.stage("Overdue notice", 1, List.of(), new ActionSpec.SendReminder("overdue")),
                TestPolicies.stage("Final notice", 30, List.of(), new ActionSpec.SendReminder("final"),
                        new ActionSpec.ChargeLateFee("interest"), new ActionSpec.ChargeLateFee("compensation"))),
                List.of(rules));
    }

    private static Policy statutory(OnFullPayment choice) {
        return statutory(interest(choice), compensation(choice));
    }

    private static InvoiceSnapshot paidInFull(String currency, LocalDate on) {
        return invoice().total("1000.00", currency).paid(on, "1000.00").status(InvoiceStatus.PAID).build();
    }

    /** Chased from the overdue notice on 2026-01-02, then the decision after the payment, on 2026-01-03. */
    private Decision chasedThenPaid(Policy policy, InvoiceSnapshot paid, CollectionsContext context) {
        DunningState chased = engine.decide(invoice().total("1000.00", paid.currency().getCurrencyCode()).build(),
                DunningState.initial(), policy, DUE.plusDays(1)).newState();
        assertThat(chased.status()).isEqualTo(DunningStatus.ACTIVE);
        return engine.decide(paid, chased, policy, DUE.plusDays(2), context);
    }

    private static List<PlannedAction.ChargeLateFee> fees(Decision decision) {
        return decision.actions().stream().filter(PlannedAction.ChargeLateFee.class::isInstance)
                .map(PlannedAction.ChargeLateFee.class::cast).toList();
    }

    private static List<PlannedAction.FlagForPerson> tasks(Decision decision) {
        return decision.actions().stream().filter(PlannedAction.FlagForPerson.class::isInstance)
                .map(PlannedAction.FlagForPerson.class::cast).toList();
    }

    @Test
    void final_invoice_charges_the_days_interest_and_the_70_pound_band_once_for_a_debt_paid_the_day_after_its_due_date() {
        Decision decision = chasedThenPaid(statutory(OnFullPayment.FINAL_INVOICE), paidInFull("GBP", PAID_ON), CollectionsContext.NONE);

        assertThat(decision.newState().status()).isEqualTo(DunningStatus.LEFT);
        assertThat(fees(decision)).extracting(f -> f.key().value(), f -> f.fee().amount(), f -> f.fee().accruedFrom(),
                        f -> f.fee().chargeDate())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("org-1:inv-1:fee:interest:on-full-payment", Money.of("0.32", "GBP"),
                                PAID_ON, PAID_ON),
                        org.assertj.core.groups.Tuple.tuple("org-1:inv-1:fee:compensation:on-full-payment", Money.of("70.00", "GBP"),
                                PAID_ON, PAID_ON));
        assertThat(fees(decision)).allMatch(f -> f.key().followsFullPayment());
        assertThat(fees(decision).getFirst().fee().computation()).contains("11.75% a year on 1000.00 GBP for 1 day");
        assertThat(fees(decision).get(1).fee().computation()).contains("band").contains("70.00 GBP");
        assertThat(decision.newState().fees()).extracting(ChargedFee::ruleId).containsExactly("interest", "compensation");

        // Exactly once: deciding again on the stored state plans nothing.
        Decision again = engine.decide(paidInFull("GBP", PAID_ON), decision.newState(), statutory(OnFullPayment.FINAL_INVOICE),
                DUE.plusDays(3));
        assertThat(again.actions()).isEmpty();
    }

    @Test
    void task_gives_a_person_one_task_with_each_amount_and_how_it_was_computed_and_charges_nothing() {
        Decision decision = chasedThenPaid(statutory(OnFullPayment.TASK), paidInFull("GBP", PAID_ON), CollectionsContext.NONE);

        assertThat(fees(decision)).isEmpty();
        assertThat(tasks(decision)).singleElement().satisfies(task -> {
            assertThat(task.key().value()).isEqualTo("org-1:inv-1:on-full-payment");
            assertThat(task.key().followsFullPayment()).isTrue();
            assertThat(task.reason()).contains("paid in full on 2026-01-02 after its due date 2026-01-01")
                    .contains("fee 'interest': 0.32 GBP (").contains("11.75% a year on 1000.00 GBP for 1 day")
                    .contains("fee 'compensation': 70.00 GBP (").contains("band");
        });
        assertThat(decision.newState().fees()).isEmpty();
    }

    @Test
    void the_default_choice_is_a_task() {
        assertThat(new LateFeeRule("interest", new FeeComputation.StatutoryInterest(Regimes.UK), 0, Optional.empty(),
                FeeCaps.NONE, RoundingMode.HALF_UP).onFullPayment()).isEqualTo(OnFullPayment.TASK);
    }

    @Test
    void waive_charges_nothing_and_the_decision_says_what_was_waived() {
        Decision decision = chasedThenPaid(statutory(OnFullPayment.WAIVE), paidInFull("GBP", PAID_ON), CollectionsContext.NONE);

        assertThat(decision.actions()).isEmpty();
        assertThat(decision.reasons()).anySatisfy(r -> assertThat(r).contains("waived").contains("fee 'interest'").contains("0.32 GBP"))
                .anySatisfy(r -> assertThat(r).contains("waived").contains("fee 'compensation'").contains("70.00 GBP"));
    }

    @Test
    void each_rule_follows_its_own_choice() {
        Decision decision = chasedThenPaid(statutory(interest(OnFullPayment.WAIVE), compensation(OnFullPayment.FINAL_INVOICE)),
                paidInFull("GBP", PAID_ON), CollectionsContext.NONE);

        assertThat(fees(decision)).extracting(f -> f.fee().ruleId()).containsExactly("compensation");
        assertThat(tasks(decision)).isEmpty();
        assertThat(decision.reasons()).anySatisfy(r -> assertThat(r).contains("waived").contains("fee 'interest'"));
    }

    @Test
    void interest_already_charged_is_charged_again_only_from_the_day_after_its_last_charge() {
        // Charged at the final notice (2026-01-31), paid on 2026-02-10: 10 more days, 1000 x 11.75 x 10 / 36500 = 3.219 -> 3.22.
        Policy policy = statutory(OnFullPayment.FINAL_INVOICE);
        DunningState chased = engine.decide(invoice().build(), DunningState.initial(), policy, DUE.plusDays(30)).newState();
        assertThat(chased.fees()).extracting(ChargedFee::ruleId).containsExactly("interest", "compensation");

        Decision decision = engine.decide(paidInFull("GBP", DUE.plusDays(40)), chased, policy, DUE.plusDays(41));

        assertThat(fees(decision)).singleElement().satisfies(f -> {
            assertThat(f.fee().ruleId()).isEqualTo("interest");
            assertThat(f.fee().accruedFrom()).isEqualTo(DUE.plusDays(31));
            assertThat(f.fee().amount()).isEqualTo(Money.of("3.22", "GBP"));
            assertThat(f.fee().period()).isEqualTo(2);
        });
        assertThat(decision.reasons()).anySatisfy(r -> assertThat(r).contains("compensation").contains("charged once"));
    }

    @Test
    void a_payment_on_or_before_the_due_date_owes_nothing() {
        Policy policy = statutory(OnFullPayment.FINAL_INVOICE);
        DunningState headsUp = engine.decide(invoice().build(), DunningState.initial(),
                new Policy("uk", "v1", "test", List.of(TestPolicies.stage("Heads-up", -3, List.of(), new ActionSpec.SendReminder("friendly")),
                        policy.stages().get(1)), policy.feeRules()), DUE.minusDays(3)).newState();

        Decision decision = engine.decide(paidInFull("GBP", DUE), headsUp, policy, DUE.plusDays(1));

        assertThat(decision.actions()).isEmpty();
        assertThat(decision.newState().status()).isEqualTo(DunningStatus.LEFT);
    }

    @Test
    void a_voided_invoice_owes_nothing_for_its_late_days() {
        Policy policy = statutory(OnFullPayment.FINAL_INVOICE);
        DunningState chased = engine.decide(invoice().build(), DunningState.initial(), policy, DUE.plusDays(1)).newState();

        Decision decision = engine.decide(invoice().status(InvoiceStatus.VOIDED).build(), chased, policy, DUE.plusDays(2));

        assertThat(decision.actions()).isEmpty();
    }

    @Test
    void fixed_fees_accrue_nothing_so_the_default_ladder_asks_nobody_anything_on_full_payment() {
        Policy ladder = TestPolicies.defaultLadder(TestRules.fixed("40.00", "GBP").build());
        DunningState chased = engine.decide(invoice().build(), DunningState.initial(), ladder, DUE.plusDays(1)).newState();

        Decision decision = engine.decide(paidInFull("GBP", PAID_ON), chased, ladder, DUE.plusDays(2));

        assertThat(decision.actions()).isEmpty();
    }

    @Test
    void a_final_invoice_while_the_invoice_is_on_hold_becomes_a_task() {
        Hold hold = new Hold("h1", new HoldScope.Invoice("inv-1"), "customer query", "ann", DUE, Optional.empty(), Optional.empty());
        Decision decision = chasedThenPaid(statutory(OnFullPayment.FINAL_INVOICE), paidInFull("GBP", PAID_ON),
                CollectionsContext.NONE.withHolds(List.of(hold)));

        assertThat(fees(decision)).isEmpty();
        assertThat(tasks(decision)).singleElement().satisfies(task -> assertThat(task.reason())
                .contains("0.32 GBP").contains("70.00 GBP").contains("not invoiced because on hold"));
    }

    @Test
    void a_euro_debt_under_the_uk_act_makes_the_pound_compensation_a_task_with_the_reason_never_a_conversion() {
        Decision decision = chasedThenPaid(statutory(OnFullPayment.FINAL_INVOICE), paidInFull("EUR", PAID_ON), CollectionsContext.NONE);

        // The interest is in the invoice's own currency and is invoiced; the pound sum goes to a person.
        assertThat(fees(decision)).extracting(f -> f.fee().ruleId(), f -> f.fee().amount().currency().getCurrencyCode())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("interest", "EUR"));
        assertThat(tasks(decision)).singleElement().satisfies(task -> assertThat(task.reason())
                .contains("sets its fixed compensation in GBP; the invoice is in EUR and nothing is converted")
                .contains("40.00, 70.00, 100.00"));
    }

    @Test
    void a_euro_debt_under_the_uk_act_reaching_the_compensation_stage_gives_a_person_one_task_and_the_payment_no_second() {
        Policy policy = statutory(OnFullPayment.FINAL_INVOICE);
        InvoiceSnapshot euros = invoice().total("1000.00", "EUR").build();
        Decision atStage = engine.decide(euros, DunningState.initial(), policy, DUE.plusDays(30));

        assertThat(tasks(atStage)).singleElement().satisfies(task -> {
            assertThat(task.key().value()).isEqualTo("org-1:inv-1:fee-compensation-for-person");
            assertThat(task.reason()).contains("fixed compensation in GBP; the invoice is in EUR");
        });
        assertThat(fees(atStage)).extracting(f -> f.fee().ruleId()).containsExactly("interest");
        assertThat(tasks(engine.decide(euros, atStage.newState(), policy, DUE.plusDays(31)))).isEmpty();

        Decision paid = engine.decide(paidInFull("EUR", DUE.plusDays(35)), atStage.newState(), policy, DUE.plusDays(36));
        assertThat(tasks(paid)).isEmpty();
        assertThat(fees(paid)).extracting(f -> f.fee().ruleId()).containsExactly("interest");
    }

    @Test
    void a_fixed_rule_for_the_invoices_currency_at_the_same_stage_says_what_to_charge_instead_so_no_task_is_raised() {
        LateFeeRule euroCompensation = new LateFeeRule("compensation-eur", new FeeComputation.FixedAmount(
                java.util.Map.of(Money.currency("EUR"), new java.math.BigDecimal("80.00"))), 0, Optional.empty(),
                FeeCaps.NONE, RoundingMode.HALF_UP);
        Policy policy = new Policy("uk", "v1", "test", List.of(
                TestPolicies.stage("Final notice", 30, List.of(), new ActionSpec.ChargeLateFee("compensation"),
                        new ActionSpec.ChargeLateFee("compensation-eur"))),
                List.of(compensation(OnFullPayment.TASK), euroCompensation));

        Decision atStage = engine.decide(invoice().total("1000.00", "EUR").build(), DunningState.initial(), policy, DUE.plusDays(30));

        assertThat(tasks(atStage)).isEmpty();
        assertThat(fees(atStage)).extracting(f -> f.fee().amount()).containsExactly(Money.of("80.00", "EUR"));
    }
}
