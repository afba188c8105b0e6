package dev.arrears.domain.collections;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer disputes one invoice: from {@code raisedOn} it gets no messages and no fees, and fees
 * planned but not yet written are cancelled, until the dispute is resolved.
 */
public record Dispute(String id, String invoiceId, String reason, String raisedBy, LocalDate raisedOn,
                      Optional<DisputeResolution> resolution) {

    public Dispute {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(raisedBy, "raisedBy");
        Objects.requireNonNull(raisedOn, "raisedOn");
        Objects.requireNonNull(resolution, "resolution");
        resolution.ifPresent(r -> {
            if (r.resolvedOn().isBefore(raisedOn)) {
                throw new IllegalArgumentException("dispute " + id + " cannot be resolved on " + r.resolvedOn()
                        + ", before it was raised on " + raisedOn);
            }
        });
    }

    public boolean activeOn(LocalDate day) {
        return Window.active(raisedOn, resolution.map(DisputeResolution::resolvedOn), day);
    }

    public String describe() {
        return "disputed since " + raisedOn + ": " + reason + " (recorded by " + raisedBy + ")";
    }
}
