package dev.arrears.application.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.domain.collections.CollectionsContext;
import dev.arrears.domain.dunning.DunningEngine;
import dev.arrears.domain.money.Money;
import dev.arrears.domain.policy.FeeCaps;
import dev.arrears.domain.policy.FeeComputation;
import dev.arrears.domain.policy.LateFeeRule;
import dev.arrears.domain.statutory.Regimes;
import dev.arrears.domain.testing.TestInvoices;
import dev.arrears.domain.testing.TestPolicies;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Statutory interest in the forecast: the fee lines state the computation, and a payment lowers the next one. */
class ForecastStatutoryTest {

    @Test
    void statutory_interest_lines_state_principal_rate_days_and_period_and_follow_a_part_payment() {
        LateFeeRule interest = new LateFeeRule("statutory-interest", new FeeComputation.StatutoryInterest(Regimes.UK), 0,
                Optional.of(30), FeeCaps.NONE, RoundingMode.HALF_UP);
        var invoice = TestInvoices.invoice().build();
        var events = new ForecastEvents(CollectionsContext.NONE,
                List.of(new ForecastEvents.Payment(invoice.invoiceId(), LocalDate.of(2026, 1, 31), Money.of("500.00", "GBP"))));

        ForecastReport report = new Forecast(DecisionRule.engine(new DunningEngine()))
                .run(TestPolicies.defaultLadder(interest), List.of(invoice), LocalDate.of(2026, 1, 1), 60, events);

        List<ForecastLine> fees = report.lines().stream().filter(l -> l.kind() == ForecastLine.Kind.LATE_FEE).toList();
        assertThat(fees).extracting(l -> l.date() + " " + l.amount().orElseThrow())
                .containsExactly("2026-01-15 4.51 GBP", "2026-02-14 7.40 GBP");
        assertThat(fees.getFirst().detail()).contains("11.75% a year on 1000.00 GBP for 14 days, 2026-01-02 to 2026-01-15, /365");
        assertThat(fees.getLast().detail()).contains("on 500.00 GBP for 14 days, 2026-02-01 to 2026-02-14");
        assertThat(report.lines()).anyMatch(l -> l.kind() == ForecastLine.Kind.PAYMENT && l.detail().equals("500.00 GBP paid; 500.00 GBP still owed"));
    }
}
