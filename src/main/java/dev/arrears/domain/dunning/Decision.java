package dev.arrears.domain.dunning;

import java.util.List;
import java.util.Objects;

/**
 * The engine's answer for one invoice on one day: the state to store, the actions to put in the
 * outbox (in the same transaction), and why, in sentences an accountant can read.
 */
public record Decision(DunningState newState, List<PlannedAction> actions, List<String> reasons) {
    public Decision {
        Objects.requireNonNull(newState, "newState");
        actions = List.copyOf(actions);
        reasons = List.copyOf(reasons);
    }

    public boolean plansNothing() {
        return actions.isEmpty();
    }
}
