package dev.arrears.domain.testing;

import dev.arrears.domain.policy.ActionSpec;
import dev.arrears.domain.policy.LateFeeRule;
import dev.arrears.domain.policy.Policy;
import dev.arrears.domain.policy.Stage;
import dev.arrears.domain.policy.StageCondition;
import java.util.List;
import java.util.Optional;

/**
 * The default ladder: a heads-up 3 days before the due date, an overdue notice the day after it,
 * a firmer reminder (with a note) a week late, a final notice with a late fee two weeks late, and a
 * hand-off to a person after 30 days.
 */
public final class TestPolicies {

    public static final String HEADS_UP = "Heads-up";
    public static final String OVERDUE = "Overdue notice";
    public static final String FIRMER = "Firmer reminder";
    public static final String FINAL = "Final notice";
    public static final String HAND_OFF = "Hand to a person";

    private TestPolicies() {
    }

    /** The default ladder, with a one-off fixed 40.00 GBP late fee at the final notice. */
    public static Policy defaultLadder() {
        return defaultLadder(TestRules.fixed("40.00", "GBP").build());
    }

    public static Policy defaultLadder(LateFeeRule feeRule) {
        return ladder(feeRule, List.of());
    }

    /** The default ladder whose final notice and hand-off only apply when these conditions hold. */
    public static Policy ladder(LateFeeRule feeRule, List<StageCondition> escalationConditions) {
        return new Policy("default", "v1", "config/policies/default.yaml", List.of(
                stage(HEADS_UP, -3, List.of(), new ActionSpec.SendReminder("heads-up")),
                stage(OVERDUE, 1, List.of(), new ActionSpec.SendReminder("overdue")),
                stage(FIRMER, 7, List.of(), new ActionSpec.SendReminder("firmer"), new ActionSpec.AddNote("Firmer reminder sent")),
                stage(FINAL, 14, escalationConditions, new ActionSpec.SendReminder("final"), new ActionSpec.ChargeLateFee(feeRule.id())),
                stage(HAND_OFF, 30, escalationConditions, new ActionSpec.FlagForPerson("30 days overdue: call the customer"))),
                List.of(feeRule));
    }

    public static Stage stage(String name, int offset, List<StageCondition> conditions, ActionSpec... actions) {
        return new Stage(name, offset, conditions, List.of(actions), Optional.empty());
    }
}
