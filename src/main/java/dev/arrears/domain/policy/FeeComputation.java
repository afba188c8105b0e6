package dev.arrears.domain.policy;

import java.math.BigDecimal;
import dev.arrears.domain.statutory.StatutoryRegime;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;

/** The ways a late fee can be worked out: agreed terms (fixed, percentage, interest) or a statutory preset. */
public sealed interface FeeComputation {

    /**
     * A fixed amount per charge, given per currency: an invoice in a currency without an amount is
     * not charged (and the decision says why) rather than converted at a guessed rate.
     */
    record FixedAmount(Map<Currency, BigDecimal> amounts) implements FeeComputation {
        public FixedAmount {
            amounts = Map.copyOf(amounts);
            if (amounts.isEmpty()) {
                throw new IllegalArgumentException("a fixed fee needs an amount for at least one currency");
            }
            amounts.forEach((currency, amount) -> {
                if (amount.signum() <= 0) {
                    throw new IllegalArgumentException("fixed fee for " + currency + " must be positive, was " + amount);
                }
            });
        }
    }

    /** A percentage of the principal outstanding on the charge date (earlier fees are never part of it). */
    record PercentOfPrincipal(BigDecimal percent) implements FeeComputation {
        public PercentOfPrincipal {
            Objects.requireNonNull(percent, "percent");
            if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("percentage must be above 0 and at most 100, was " + percent);
            }
        }
    }

    /**
     * Simple (never compounded) interest at an annual percentage rate, accrued day by day on the
     * principal outstanding each day, over {@code dayCountBasis} days a year (365 under UK and EU rules).
     */
    record SimpleDailyInterest(BigDecimal annualRatePercent, int dayCountBasis) implements FeeComputation {
        public SimpleDailyInterest {
            Objects.requireNonNull(annualRatePercent, "annualRatePercent");
            if (annualRatePercent.signum() <= 0) {
                throw new IllegalArgumentException("annual rate must be positive, was " + annualRatePercent);
            }
            if (dayCountBasis != 360 && dayCountBasis != 365) {
                throw new IllegalArgumentException("day count basis must be 360 or 365, was " + dayCountBasis);
            }
        }
    }

    /**
     * Statutory late-payment interest under a preset regime (UK Act 1998, EU Directive, DE, FR):
     * the reference rate, margin, day count and part-payment rule come from the regime, not from
     * the policy. Accrues like {@link SimpleDailyInterest} from the day after the last charge (or the
     * due date); the amount is rounded once, half-up, as the law's worked examples do, whatever the
     * rule's own rounding says.
     */
    record StatutoryInterest(StatutoryRegime regime) implements FeeComputation {
        public StatutoryInterest {
            Objects.requireNonNull(regime, "regime");
        }
    }

    /**
     * The regime's fixed compensation per invoice (UK £40/£70/£100, EU at least €40): charged once,
     * only for invoices in the regime's currency (never converted).
     */
    record StatutoryCompensation(StatutoryRegime regime) implements FeeComputation {
        public StatutoryCompensation {
            Objects.requireNonNull(regime, "regime");
        }
    }
}
