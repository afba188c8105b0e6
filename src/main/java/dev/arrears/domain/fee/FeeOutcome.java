package dev.arrears.domain.fee;

import dev.arrears.domain.dunning.FeeApplication;
import java.util.Objects;

/** What the late-fee maths says about one rule, one invoice, one day: charge this, or nothing and why. */
public sealed interface FeeOutcome {

    /** A sentence for the decision's reasons, with dates and amounts. */
    String reason();

    /**
     * Charge this fee now.
     *
     * @param reason what is charged and which earlier periods, if any, were passed over by catch-up
     */
    record Charge(FeeApplication fee, String reason) implements FeeOutcome {
        public Charge {
            Objects.requireNonNull(fee, "fee");
            Objects.requireNonNull(reason, "reason");
        }
    }

    record NothingDue(String reason) implements FeeOutcome {
        public NothingDue {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Nothing can be charged by itself, but something is owed that a person has to settle: a fixed
     * statutory compensation in the statute's currency on an invoice in another one, which Arrears
     * never converts at a guessed rate.
     */
    record ForPerson(String reason) implements FeeOutcome {
        public ForPerson {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
