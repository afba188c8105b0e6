package dev.arrears.domain.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One rung of the ladder.
 *
 * @param name             shown to accountants and part of every action key, so never renamed lightly
 * @param dayOffset        days from the due date at which the stage starts; negative is before the due date
 * @param conditions       all must hold for the stage to apply to an invoice
 * @param actions          what reaching the stage plans, in order
 * @param reviewAfterDays  when to look at the invoice again while it sits in this stage, if sooner than the next stage
 * @param key              the stage's part of its action keys ({@link StableKey}); by default from the name
 */
public record Stage(String name, int dayOffset, List<StageCondition> conditions, List<ActionSpec> actions,
                    Optional<Integer> reviewAfterDays, String key) {

    /** A stage whose key is the default for its name. */
    public Stage(String name, int dayOffset, List<StageCondition> conditions, List<ActionSpec> actions,
                 Optional<Integer> reviewAfterDays) {
        this(name, dayOffset, conditions, actions, reviewAfterDays, StableKey.defaultFor(Objects.requireNonNull(name, "name")));
    }

    public Stage {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a stage needs a name");
        }
        Objects.requireNonNull(key, "key");
        StableKey.problem(key).ifPresent(problem -> {
            throw new IllegalArgumentException("stage '" + name + "': key " + problem);
        });
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
        Objects.requireNonNull(reviewAfterDays, "reviewAfterDays");
        reviewAfterDays.ifPresent(days -> {
            if (days < 1) {
                throw new IllegalArgumentException("stage '" + name + "': review_after_days must be at least 1, was " + days);
            }
        });
    }
}
