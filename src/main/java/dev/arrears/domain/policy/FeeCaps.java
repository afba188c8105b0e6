package dev.arrears.domain.policy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Limits on what one fee rule may charge one invoice, all fees of the rule added up.
 *
 * @param maxCount              at most this many charges
 * @param maxTotal              at most this much in total, per currency (a currency not named is not capped by it)
 * @param maxPercentOfPrincipal at most this percentage of the invoice's total (its original principal)
 */
public record FeeCaps(Optional<Integer> maxCount, Map<Currency, BigDecimal> maxTotal,
                      Optional<BigDecimal> maxPercentOfPrincipal) {

    public static final FeeCaps NONE = new FeeCaps(Optional.empty(), Map.of(), Optional.empty());

    public FeeCaps {
        Objects.requireNonNull(maxCount, "maxCount");
        Objects.requireNonNull(maxPercentOfPrincipal, "maxPercentOfPrincipal");
        maxTotal = Map.copyOf(maxTotal);
        maxCount.ifPresent(n -> {
            if (n < 1) {
                throw new IllegalArgumentException("max_count must be at least 1, was " + n);
            }
        });
        maxTotal.forEach((currency, amount) -> {
            if (amount.signum() <= 0) {
                throw new IllegalArgumentException("max_total for " + currency + " must be positive, was " + amount);
            }
        });
        maxPercentOfPrincipal.ifPresent(p -> {
            if (p.signum() <= 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("max_percent_of_principal must be above 0 and at most 100, was " + p);
            }
        });
    }
}
