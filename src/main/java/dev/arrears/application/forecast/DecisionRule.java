package dev.arrears.application.forecast;

import dev.arrears.domain.dunning.Decision;
import dev.arrears.domain.dunning.DunningState;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.policy.Policy;
import java.time.LocalDate;

/**
 * The decision the daemon takes for one invoice on one day: the dunning engine in production. The
 * forecast takes it as a parameter so it replays exactly what the daemon would do.
 */
@FunctionalInterface
public interface DecisionRule {

    Decision decide(InvoiceSnapshot invoice, DunningState state, Policy policy, LocalDate today);
}
