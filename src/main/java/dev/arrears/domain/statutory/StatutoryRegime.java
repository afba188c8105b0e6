package dev.arrears.domain.statutory;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One legal regime of statutory late-payment interest, entirely as data: where the reference rate
 * comes from and which day's rate applies, the margin on top, the day count, how part payments are
 * allocated and the fixed compensation per invoice.
 *
 * @param id                   the preset's name in configuration ("uk", "de")
 * @param title                how the computation text names the regime
 * @param legalBasis           the texts that set the rate
 * @param marginPoints         percentage points over the reference rate (8 UK/EU, 9 DE, 10 FR)
 * @param partialPaymentsBasis the rule behind {@code partialPayments}, quoted on the fee line
 */
public record StatutoryRegime(String id, String title, String legalBasis, RateTable referenceRates,
                              ReferenceRateRule referenceRule, BigDecimal marginPoints, DayCount dayCount,
                              PaymentAllocation partialPayments, String partialPaymentsBasis,
                              FixedCompensation compensation) {

    public StatutoryRegime {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(legalBasis, "legalBasis");
        Objects.requireNonNull(referenceRates, "referenceRates");
        Objects.requireNonNull(referenceRule, "referenceRule");
        Objects.requireNonNull(marginPoints, "marginPoints");
        Objects.requireNonNull(dayCount, "dayCount");
        Objects.requireNonNull(partialPayments, "partialPayments");
        Objects.requireNonNull(partialPaymentsBasis, "partialPaymentsBasis");
        Objects.requireNonNull(compensation, "compensation");
        if (marginPoints.signum() < 0) {
            throw new IllegalArgumentException("statutory regime '" + id + "': margin cannot be negative, was " + marginPoints);
        }
    }
}
