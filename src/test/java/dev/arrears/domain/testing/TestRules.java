package dev.arrears.domain.testing;

import dev.arrears.domain.money.Money;
import dev.arrears.domain.policy.FeeCaps;
import dev.arrears.domain.policy.FeeComputation;
import dev.arrears.domain.policy.LateFeeRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/** Late fee rules for tests: one-off, no grace, no caps, HALF_UP unless told otherwise. */
public final class TestRules {

    private final String id;
    private final FeeComputation computation;
    private int graceDays;
    private Optional<Integer> repeatEveryDays = Optional.empty();
    private Optional<Integer> maxCount = Optional.empty();
    private Map<java.util.Currency, BigDecimal> maxTotal = Map.of();
    private Optional<BigDecimal> maxPercent = Optional.empty();
    private RoundingMode rounding = RoundingMode.HALF_UP;

    private TestRules(String id, FeeComputation computation) {
        this.id = id;
        this.computation = computation;
    }

    public static TestRules fixed(String amount, String currency) {
        return new TestRules("late-fee", new FeeComputation.FixedAmount(
                Map.of(Money.currency(currency), new BigDecimal(amount))));
    }

    public static TestRules percent(String percent) {
        return new TestRules("late-fee", new FeeComputation.PercentOfPrincipal(new BigDecimal(percent)));
    }

    public static TestRules interest(String annualPercent, int basis) {
        return new TestRules("interest", new FeeComputation.SimpleDailyInterest(new BigDecimal(annualPercent), basis));
    }

    public TestRules graceDays(int days) {
        this.graceDays = days;
        return this;
    }

    public TestRules everyDays(int days) {
        this.repeatEveryDays = Optional.of(days);
        return this;
    }

    public TestRules maxCount(int count) {
        this.maxCount = Optional.of(count);
        return this;
    }

    public TestRules maxTotal(String amount, String currency) {
        this.maxTotal = Map.of(Money.currency(currency), new BigDecimal(amount));
        return this;
    }

    public TestRules maxPercentOfPrincipal(String percent) {
        this.maxPercent = Optional.of(new BigDecimal(percent));
        return this;
    }

    public TestRules rounding(RoundingMode mode) {
        this.rounding = mode;
        return this;
    }

    public LateFeeRule build() {
        return new LateFeeRule(id, computation, graceDays, repeatEveryDays, new FeeCaps(maxCount, maxTotal, maxPercent), rounding);
    }
}
