package dev.arrears.domain.statutory;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The fixed sum per invoice a creditor may claim once interest runs (UK s.5A, Directive Art. 6,
 * § 288(5) BGB, D441-5). It is set in one currency; an invoice in another currency gets none
 * rather than an amount converted at a guessed rate.
 *
 * @param bands ascending by {@code from}, the first starting at 0; the last band not above the debt applies
 */
public record FixedCompensation(Currency currency, List<CompensationBand> bands, String legalBasis) {

    public FixedCompensation {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(legalBasis, "legalBasis");
        bands = List.copyOf(bands);
        if (bands.isEmpty() || bands.getFirst().from().signum() != 0) {
            throw new IllegalArgumentException("fixed compensation needs bands, the first one from 0");
        }
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).from().compareTo(bands.get(i - 1).from()) <= 0) {
                throw new IllegalArgumentException("compensation bands must rise: " + bands.get(i).from()
                        + " follows " + bands.get(i - 1).from());
            }
        }
    }

    public CompensationBand bandFor(BigDecimal debt) {
        CompensationBand chosen = bands.getFirst();
        for (CompensationBand band : bands) {
            if (band.from().compareTo(debt) <= 0) {
                chosen = band;
            }
        }
        return chosen;
    }

    /** "1000.00 to under 10000.00", "10000.00 or more", or "any amount" for a single band. */
    public String describe(CompensationBand band) {
        int i = bands.indexOf(band);
        if (bands.size() == 1) {
            return "any amount";
        }
        String code = currency.getCurrencyCode();
        if (i == bands.size() - 1) {
            return band.from().toPlainString() + " " + code + " or more";
        }
        String upper = bands.get(i + 1).from().toPlainString() + " " + code;
        return i == 0 ? "under " + upper : band.from().toPlainString() + " " + code + " to under " + upper;
    }
}
