package dev.arrears.application.forecast;

import dev.arrears.domain.collections.CollectionsContext;
import dev.arrears.domain.dunning.Decision;
import dev.arrears.domain.dunning.DunningEngine;
import dev.arrears.domain.dunning.DunningState;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.policy.Policy;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The decision the daemon takes for one invoice on one day: the dunning engine in production. The
 * forecast takes it as a parameter so it replays exactly what the daemon would do.
 */
@FunctionalInterface
public interface DecisionRule {

    Decision decide(InvoiceSnapshot invoice, DunningState state, Policy policy, LocalDate today);

    /**
     * With holds, disputes, promises and plans. A rule written as a four-argument lambda knows nothing
     * of them, so it refuses facts rather than silently forecasting as if there were none.
     */
    default Decision decide(InvoiceSnapshot invoice, DunningState state, Policy policy, LocalDate today,
                            CollectionsContext context) {
        if (!context.equals(CollectionsContext.NONE)) {
            throw new IllegalStateException("this decision rule does not take holds, disputes, promises or plans;"
                    + " use DecisionRule.engine(...)");
        }
        return decide(invoice, state, policy, today);
    }

    /** The engine itself, collections facts included: what the daemon and the forecast command use. */
    static DecisionRule engine(DunningEngine engine) {
        Objects.requireNonNull(engine, "engine");
        return new DecisionRule() {
            @Override
            public Decision decide(InvoiceSnapshot invoice, DunningState state, Policy policy, LocalDate today) {
                return engine.decide(invoice, state, policy, today);
            }

            @Override
            public Decision decide(InvoiceSnapshot invoice, DunningState state, Policy policy, LocalDate today,
                                   CollectionsContext context) {
                return engine.decide(invoice, state, policy, today, context);
            }
        };
    }
}
