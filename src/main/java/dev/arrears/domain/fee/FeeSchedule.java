package dev.arrears.domain.fee;

import dev.arrears.domain.policy.LateFeeRule;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When the periods of one fee rule fall for one invoice. Period 1 is charged on the first charge
 * date; with a repeat of N days, period k on first + (k-1)·N.
 */
record FeeSchedule(LocalDate firstChargeDate, Optional<Integer> repeatEveryDays) {

    /** The first charge date is the later of the stage date and the end of the grace days. */
    static FeeSchedule of(LocalDate dueDate, LateFeeRule rule, LocalDate stageDate) {
        LocalDate afterGrace = dueDate.plusDays(rule.graceDays() + 1L);
        LocalDate first = stageDate.isAfter(afterGrace) ? stageDate : afterGrace;
        return new FeeSchedule(first, rule.repeatEveryDays());
    }

    /** The latest period whose charge date is on or before {@code today}; empty before the first. */
    Optional<Integer> currentPeriod(LocalDate today) {
        if (today.isBefore(firstChargeDate)) {
            return Optional.empty();
        }
        if (repeatEveryDays.isEmpty()) {
            return Optional.of(1);
        }
        long days = ChronoUnit.DAYS.between(firstChargeDate, today);
        return Optional.of(Math.toIntExact(days / repeatEveryDays.get() + 1));
    }

    LocalDate chargeDate(int period) {
        return firstChargeDate.plusDays((long) (period - 1) * repeatEveryDays.orElse(0));
    }

    /** The next charge date after {@code today}, if the rule has one. */
    Optional<LocalDate> nextAfter(LocalDate today) {
        Optional<Integer> current = currentPeriod(today);
        if (current.isEmpty()) {
            return Optional.of(firstChargeDate);
        }
        return repeatEveryDays.map(n -> chargeDate(current.get() + 1));
    }
}
