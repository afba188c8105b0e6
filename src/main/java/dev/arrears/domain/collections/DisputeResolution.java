package dev.arrears.domain.collections;

import java.time.LocalDate;
import java.util.Objects;

/** The end of a dispute: chasing may resume on {@code resolvedOn}. */
public record DisputeResolution(LocalDate resolvedOn, DisputeOutcome outcome, String note, String resolvedBy) {
    public DisputeResolution {
        Objects.requireNonNull(resolvedOn, "resolvedOn");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(resolvedBy, "resolvedBy");
    }
}
