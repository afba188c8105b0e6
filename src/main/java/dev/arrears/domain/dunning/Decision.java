package dev.arrears.domain.dunning;

import java.util.List;
import java.util.Objects;

/**
 * The engine's answer for one invoice on one day: the state to store, the actions to put in the
 * outbox (in the same transaction), pending actions to cancel, events for the customer's history,
 * and why, in sentences an accountant can read (suppressions included: "suppressed: promise to pay
 * ... by 2026-03-04").
 */
public record Decision(DunningState newState, List<PlannedAction> actions, List<String> reasons,
                       List<Cancellation> cancellations, List<CollectionsEvent> events) {

    /** A decision that cancels nothing and records no event: the shape used before collections rules. */
    public Decision(DunningState newState, List<PlannedAction> actions, List<String> reasons) {
        this(newState, actions, reasons, List.of(), List.of());
    }

    public Decision {
        Objects.requireNonNull(newState, "newState");
        actions = List.copyOf(actions);
        reasons = List.copyOf(reasons);
        cancellations = List.copyOf(cancellations);
        events = List.copyOf(events);
    }

    public boolean plansNothing() {
        return actions.isEmpty();
    }
}
