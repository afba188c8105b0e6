package dev.arrears.domain.contact;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The earliest moment a contact may happen, and every reason it is later than proposed (empty when
 * the proposed moment was allowed as it was).
 */
public record SendSlot(Instant at, List<Deferral> deferrals) {

    public SendSlot {
        Objects.requireNonNull(at, "at");
        deferrals = List.copyOf(deferrals);
    }

    public boolean deferred() {
        return !deferrals.isEmpty();
    }

    public List<String> reasons() {
        return deferrals.stream().map(Deferral::reason).toList();
    }
}
