package dev.arrears.domain.policy;

import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * How a late fee is computed and how often it may be charged.
 *
 * @param id              stable name, part of every fee's key: (invoice, rule, period) is charged at most once
 * @param computation     fixed amount, percentage of the outstanding principal, or simple daily interest
 * @param graceDays       days after the due date during which this fee is never charged, even if its stage is reached
 * @param repeatEveryDays charge again every N days while the invoice stays unpaid; empty = charge once
 * @param caps            limits per invoice; a fee is reduced to fit, or not charged once a cap is reached
 * @param rounding        how each fee is rounded to the currency's minor units
 * @param key             the rule's part of its fees' action keys ({@link StableKey}); by default from the id
 * @param onFullPayment   what happens to what accrued but was not charged when the invoice is paid in full
 */
public record LateFeeRule(String id, FeeComputation computation, int graceDays, Optional<Integer> repeatEveryDays,
                          FeeCaps caps, RoundingMode rounding, String key, OnFullPayment onFullPayment) {

    /** A rule with the default choice on full payment ({@link OnFullPayment#DEFAULT}). */
    public LateFeeRule(String id, FeeComputation computation, int graceDays, Optional<Integer> repeatEveryDays,
                       FeeCaps caps, RoundingMode rounding, String key) {
        this(id, computation, graceDays, repeatEveryDays, caps, rounding, key, OnFullPayment.DEFAULT);
    }

    /** A rule whose key is the default for its id. */
    public LateFeeRule(String id, FeeComputation computation, int graceDays, Optional<Integer> repeatEveryDays,
                       FeeCaps caps, RoundingMode rounding) {
        this(id, computation, graceDays, repeatEveryDays, caps, rounding, StableKey.defaultFor(Objects.requireNonNull(id, "id")));
    }

    /** Whether anything accrues until the day of payment: interest, and the statutory compensation owed once it runs. */
    public boolean accruesUntilPaid() {
        return computation instanceof FeeComputation.SimpleDailyInterest || computation instanceof FeeComputation.StatutoryInterest
                || computation instanceof FeeComputation.StatutoryCompensation;
    }

    public LateFeeRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        StableKey.problem(key).ifPresent(problem -> {
            throw new IllegalArgumentException("fee rule '" + id + "': key " + problem);
        });
        Objects.requireNonNull(computation, "computation");
        Objects.requireNonNull(repeatEveryDays, "repeatEveryDays");
        Objects.requireNonNull(caps, "caps");
        Objects.requireNonNull(rounding, "rounding");
        Objects.requireNonNull(onFullPayment, "onFullPayment");
        if (graceDays < 0) {
            throw new IllegalArgumentException("fee rule '" + id + "': grace_days cannot be negative, was " + graceDays);
        }
        repeatEveryDays.ifPresent(days -> {
            if (days < 1) {
                throw new IllegalArgumentException("fee rule '" + id + "': repeat_every_days must be at least 1, was " + days);
            }
        });
        if (computation instanceof FeeComputation.StatutoryCompensation && repeatEveryDays.isPresent()) {
            // The law grants the fixed sum once per invoice; a repeat would charge it again.
            throw new IllegalArgumentException("fee rule '" + id + "': statutory compensation is charged once per invoice;"
                    + " remove repeat_every_days");
        }
        if (rounding == RoundingMode.UNNECESSARY) {
            throw new IllegalArgumentException("fee rule '" + id + "': rounding must say how to round");
        }
    }
}
