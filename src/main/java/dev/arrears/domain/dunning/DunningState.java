package dev.arrears.domain.dunning;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What Arrears remembers about chasing one invoice between decisions.
 *
 * @param stage            the stage the invoice has reached, if any
 * @param stageEnteredOn   when it reached that stage
 * @param dueDateAtStage   the due date the stage was worked out from; a different due date now means it moved
 * @param completedStages  stages whose actions were planned, in the order reached; never planned again
 * @param skippedStages    stages passed over by the catch-up rule, recorded but never sent
 * @param fees             fees already planned, oldest first
 * @param nextReviewOn     the next day on which anything can change without new input
 * @param notices          one-off things already done outside the ladder (a pause's cancellation, a broken
 *                         promise recorded, a thank-you, a limitation warning), by key, in the order done;
 *                         never done again
 */
public record DunningState(DunningStatus status, Optional<String> stage, Optional<LocalDate> stageEnteredOn,
                           Optional<LocalDate> dueDateAtStage, List<String> completedStages,
                           List<String> skippedStages, List<ChargedFee> fees, Optional<LocalDate> nextReviewOn,
                           List<String> notices) {

    /** A state without notices: the shape stored before collections rules existed. */
    public DunningState(DunningStatus status, Optional<String> stage, Optional<LocalDate> stageEnteredOn,
                        Optional<LocalDate> dueDateAtStage, List<String> completedStages, List<String> skippedStages,
                        List<ChargedFee> fees, Optional<LocalDate> nextReviewOn) {
        this(status, stage, stageEnteredOn, dueDateAtStage, completedStages, skippedStages, fees, nextReviewOn, List.of());
    }

    public DunningState {
        notices = List.copyOf(notices);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(stageEnteredOn, "stageEnteredOn");
        Objects.requireNonNull(dueDateAtStage, "dueDateAtStage");
        Objects.requireNonNull(nextReviewOn, "nextReviewOn");
        completedStages = List.copyOf(completedStages);
        skippedStages = List.copyOf(skippedStages);
        fees = List.copyOf(fees);
    }

    /** The state of an invoice Arrears has never decided on. */
    public static DunningState initial() {
        return new DunningState(DunningStatus.NOT_STARTED, Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), List.of(), List.of(), Optional.empty());
    }

    public boolean hasNotice(String notice) {
        return notices.contains(notice);
    }

    public DunningState withNotices(List<String> newNotices) {
        return new DunningState(status, stage, stageEnteredOn, dueDateAtStage, completedStages, skippedStages, fees,
                nextReviewOn, newNotices);
    }

    public DunningState withNextReview(Optional<LocalDate> day) {
        return new DunningState(status, stage, stageEnteredOn, dueDateAtStage, completedStages, skippedStages, fees,
                day, notices);
    }

    public boolean hasCompleted(String stageName) {
        return completedStages.contains(stageName);
    }

    public Set<Integer> chargedPeriods(String ruleId) {
        return fees.stream().filter(f -> f.ruleId().equals(ruleId)).map(ChargedFee::period)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
