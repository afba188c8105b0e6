package dev.arrears.domain.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.money.Money;
import dev.arrears.domain.policy.FeeCaps;
import dev.arrears.domain.policy.FeeComputation;
import dev.arrears.domain.policy.LateFeeRule;
import dev.arrears.domain.policy.Policy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

class DunningEngineProperties {

    private static final List<Currency> CURRENCIES = List.of(Money.currency("GBP"), Money.currency("JPY"), Money.currency("BHD"));

    private final DunningEngine engine = new DunningEngine();

    /** Runs the scenario's days in order; returns each run's decision. */
    private List<Decision> run(DunningScenario scenario) {
        Policy policy = scenario.policy();
        DunningState state = DunningState.initial();
        List<Decision> decisions = new ArrayList<>();
        List<LocalDate> days = scenario.runDays();
        for (int i = 0; i < days.size(); i++) {
            Decision decision = engine.decide(scenario.invoiceOn(days.get(i), i), state, policy, days.get(i));
            decisions.add(decision);
            state = decision.newState();
        }
        return decisions;
    }

    @Property(tries = 60)
    void a_fee_never_exceeds_its_caps_when_the_engine_runs_every_day(@ForAll("dailyScenarios") DunningScenario scenario) {
        FeeCaps caps = scenario.rule().caps();
        Money total = scenario.total();
        for (Decision decision : run(scenario)) {
            List<ChargedFee> fees = decision.newState().fees();
            Money charged = fees.stream().map(ChargedFee::amount).reduce(Money.zero(scenario.currency()), Money::plus);
            caps.maxCount().ifPresent(max -> assertThat(fees.size()).isLessThanOrEqualTo(max));
            Optional.ofNullable(caps.maxTotal().get(scenario.currency())).ifPresent(max ->
                    assertThat(charged.amount()).isLessThanOrEqualTo(max));
            caps.maxPercentOfPrincipal().ifPresent(percent ->
                    assertThat(charged.amount()).isLessThanOrEqualTo(total.amount().multiply(percent).movePointLeft(2)));
            assertThat(fees).allSatisfy(fee -> assertThat(fee.amount().isPositive()).isTrue());
            assertThat(fees).extracting(ChargedFee::period).doesNotHaveDuplicates();
        }
    }

    @Property(tries = 40)
    void action_keys_are_stable_across_runs_and_never_planned_twice(@ForAll("scenarios") DunningScenario scenario) {
        List<List<ActionKey>> first = run(scenario).stream().map(DunningEngineProperties::keys).toList();
        List<List<ActionKey>> second = run(scenario).stream().map(DunningEngineProperties::keys).toList();
        assertThat(second).isEqualTo(first);

        Set<ActionKey> seen = new HashSet<>();
        first.stream().flatMap(List::stream).forEach(key -> assertThat(seen.add(key)).as("%s planned twice", key).isTrue());
    }

    @Property(tries = 40)
    void deciding_again_with_the_new_state_plans_nothing_new(@ForAll("scenarios") DunningScenario scenario) {
        Policy policy = scenario.policy();
        DunningState state = DunningState.initial();
        List<LocalDate> days = scenario.runDays();
        for (int i = 0; i < days.size(); i++) {
            Decision decision = engine.decide(scenario.invoiceOn(days.get(i), i), state, policy, days.get(i));
            Decision again = engine.decide(scenario.invoiceOn(days.get(i), i), decision.newState(), policy, days.get(i));
            assertThat(again.actions()).as("again on %s", days.get(i)).isEmpty();
            assertThat(again.newState()).as("again on %s", days.get(i)).isEqualTo(decision.newState());
            state = decision.newState();
        }
    }

    @Property(tries = 60)
    void a_later_date_never_moves_an_unpaid_invoice_back_unless_its_due_date_moved(@ForAll("scenarios") DunningScenario scenario) {
        Policy policy = scenario.policy();
        List<Decision> decisions = run(scenario);
        for (int i = 1; i < decisions.size(); i++) {
            boolean dueDateMoved = !scenario.dueDateOnRun(i).equals(scenario.dueDateOnRun(i - 1));
            int before = severity(policy, decisions.get(i - 1).newState());
            int after = severity(policy, decisions.get(i).newState());
            if (!dueDateMoved) {
                assertThat(after).as("run %d on %s", i, scenario.runDays().get(i)).isGreaterThanOrEqualTo(before);
            }
        }
        boolean held = false;
        for (int i = 0; i < decisions.size(); i++) {
            held |= heldDespiteItsConditions(policy, decisions.get(i).newState(), scenario.invoiceOn(scenario.runDays().get(i), i));
        }
        // without enough of these tries the property would pass even with no monotonic rule at all
        Statistics.label("held at a stage whose conditions no longer hold").collect(held)
                .coverage(coverage -> coverage.check(true).percentage(p -> p >= 3));
    }

    /** The case the monotonic rule exists for: the current stage would not be chosen afresh today. */
    private static boolean heldDespiteItsConditions(Policy policy, DunningState state, InvoiceSnapshot invoice) {
        return state.stage().flatMap(policy::stage).flatMap(stage -> StageConditions.whyNot(stage, invoice)).isPresent();
    }

    private static int severity(Policy policy, DunningState state) {
        return state.stage().map(policy::severityOf).orElse(-1);
    }

    private static List<ActionKey> keys(Decision decision) {
        return decision.actions().stream().map(PlannedAction::key).toList();
    }

    // ---- generators

    @Provide
    Arbitrary<DunningScenario> dailyScenarios() {
        return scenarios(Arbitraries.just(1), Arbitraries.just(Optional.empty()));
    }

    @Provide
    Arbitrary<DunningScenario> scenarios() {
        Arbitrary<Optional<DunningScenario.DueDateMove>> move = Combinators.combine(
                        Arbitraries.integers().between(1, 30), Arbitraries.integers().between(-20, 40))
                .as(DunningScenario.DueDateMove::new).optional(0.5);
        // mostly short gaps, sometimes long downtime
        Arbitrary<Integer> gap = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(1, 3)), Tuple.of(1, Arbitraries.integers().between(4, 25)));
        return scenarios(gap, move);
    }

    private Arbitrary<DunningScenario> scenarios(Arbitrary<Integer> gap, Arbitrary<Optional<DunningScenario.DueDateMove>> move) {
        Arbitrary<DunningScenario.Payment> payment = Combinators.combine(
                Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.integers().between(15, 60)), // after the final notice: the interesting case
                        Tuple.of(1, Arbitraries.integers().between(-5, 150))),
                Arbitraries.integers().between(1, 30)).as(DunningScenario.Payment::new);
        return Combinators.combine(
                Arbitraries.of(CURRENCIES),
                Arbitraries.longs().between(100, 50_000_000),
                payment.list().ofMinSize(1).ofMaxSize(3),
                rules(),
                Arbitraries.integers().between(50, 99).optional(0.6),
                gap.list().ofSize(200),
                move
        ).as(DunningScenario::new);
    }

    private Arbitrary<LateFeeRule> rules() {
        return Combinators.combine(
                computations(),
                Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(1, 45).optional(0.7),
                caps(),
                Arbitraries.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.HALF_DOWN, RoundingMode.UP,
                        RoundingMode.DOWN, RoundingMode.CEILING, RoundingMode.FLOOR)
        ).as((computation, grace, repeat, caps, rounding) -> new LateFeeRule("late-fee", computation, grace, repeat, caps, rounding));
    }

    private Arbitrary<FeeComputation> computations() {
        Arbitrary<FeeComputation> fixed = amountsPerCurrency(1, 500_000).map(FeeComputation.FixedAmount::new);
        Arbitrary<FeeComputation> percent = Arbitraries.integers().between(1, 2_000)
                .map(hundredths -> new FeeComputation.PercentOfPrincipal(BigDecimal.valueOf(hundredths, 2)));
        Arbitrary<FeeComputation> interest = Combinators.combine(
                Arbitraries.integers().between(1, 3_000), Arbitraries.of(360, 365))
                .as((hundredths, basis) -> new FeeComputation.SimpleDailyInterest(BigDecimal.valueOf(hundredths, 2), basis));
        return Arbitraries.oneOf(fixed, percent, interest);
    }

    private Arbitrary<FeeCaps> caps() {
        return Combinators.combine(
                Arbitraries.integers().between(1, 6).optional(0.5),
                amountsPerCurrency(1, 2_000_000).optional(0.5).map(m -> m.orElse(Map.of())),
                Arbitraries.integers().between(1, 400).map(tenths -> BigDecimal.valueOf(tenths, 1)).optional(0.5)
        ).as(FeeCaps::new);
    }

    /** Amounts for GBP, JPY and BHD, given in thousandths so that some have more decimals than the currency. */
    private Arbitrary<Map<Currency, BigDecimal>> amountsPerCurrency(long minThousandths, long maxThousandths) {
        Arbitrary<BigDecimal> amount = Arbitraries.longs().between(minThousandths, maxThousandths).map(t -> BigDecimal.valueOf(t, 3));
        return Combinators.combine(amount, amount.map(a -> a.multiply(BigDecimal.valueOf(100))), amount)
                .as((gbp, jpy, bhd) -> Map.of(CURRENCIES.get(0), gbp, CURRENCIES.get(1), jpy, CURRENCIES.get(2), bhd));
    }
}
