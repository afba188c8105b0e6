package dev.arrears.domain.statutory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of a reference-rate table: the rate in force from {@code effectiveFrom} until the next
 * row's date.
 *
 * @param ratePercent a percentage a year, possibly negative (the Basiszinssatz was -0.88)
 * @param source      where the row comes from, so an accountant can check it
 */
public record RateEntry(LocalDate effectiveFrom, BigDecimal ratePercent, String source, Confidence confidence) {
    public RateEntry {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(ratePercent, "ratePercent");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(confidence, "confidence");
    }
}
