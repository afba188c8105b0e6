package dev.arrears.domain.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One rung of the ladder.
 *
 * @param name             shown to accountants; renaming it keeps the stage's actions only if its {@code key} is kept
 * @param dayOffset        days from the due date at which the stage starts; negative is before the due date
 * @param conditions       all must hold for the stage to apply to an invoice
 * @param actions          what reaching the stage plans, in order
 * @param reviewAfterDays  when to look at the invoice again while it sits in this stage, if sooner than the next stage
 * @param key              the stage's part of its action keys ({@link StableKey}); by default from the name
 * @param channel          how this stage's reminders go out, overriding the organisation's channel; empty = the
 *                         organisation's
 */
public record Stage(String name, int dayOffset, List<StageCondition> conditions, List<ActionSpec> actions,
                    Optional<Integer> reviewAfterDays, String key, Optional<ReminderChannel> channel) {

    /** A stage whose key is the default for its name and whose reminders go through the organisation's channel. */
    public Stage(String name, int dayOffset, List<StageCondition> conditions, List<ActionSpec> actions,
                 Optional<Integer> reviewAfterDays) {
        this(name, dayOffset, conditions, actions, reviewAfterDays, defaultKey(name), Optional.empty());
    }

    /** A stage with a key of its own, whose reminders go through the organisation's channel. */
    public Stage(String name, int dayOffset, List<StageCondition> conditions, List<ActionSpec> actions,
                 Optional<Integer> reviewAfterDays, String key) {
        this(name, dayOffset, conditions, actions, reviewAfterDays, key, Optional.empty());
    }

    /** A stage whose key is the default for its name, with a channel of its own. */
    public Stage(String name, int dayOffset, List<StageCondition> conditions, List<ActionSpec> actions,
                 Optional<Integer> reviewAfterDays, Optional<ReminderChannel> channel) {
        this(name, dayOffset, conditions, actions, reviewAfterDays, defaultKey(name), channel);
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
        Objects.requireNonNull(channel, "channel");
        reviewAfterDays.ifPresent(days -> {
            if (days < 1) {
                throw new IllegalArgumentException("stage '" + name + "': review_after_days must be at least 1, was " + days);
            }
        });
    }

    private static String defaultKey(String name) {
        return StableKey.defaultFor(Objects.requireNonNull(name, "name"));
    }
}
