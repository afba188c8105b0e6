package dev.arrears.domain.dunning;

/**
 * Which of a stage's actions go with the stage's reminder rather than on their own: a late fee the
 * reminder announces and a note that records it was sent. They are raised or written when the
 * reminder has gone (or after), never before it: a fee on Saturday for a notice the customer gets
 * on Monday, or a note "Final notice sent" written before it was, would tell the wrong story.
 * Flags are for people and go at once.
 */
public final class StageFollowers {

    private StageFollowers() {
    }

    /** Whether {@code action} waits for the reminders its stage planned. */
    public static boolean follows(PlannedAction action) {
        return action instanceof PlannedAction.ChargeLateFee || action instanceof PlannedAction.AddNote;
    }
}
