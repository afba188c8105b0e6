package dev.arrears.application.escalation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** A dispute as a case file shows it, made from the collections domain's {@code Dispute} (see {@link PromiseRecord} on why). */
public record DisputeRecord(String invoiceNumber, LocalDate raisedOn, String reason, String raisedBy, Status status,
                            Optional<LocalDate> resolvedOn, Optional<String> resolutionNote) {

    public enum Status { OPEN, UPHELD, REJECTED, PARTLY_UPHELD }

    public DisputeRecord {
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(raisedOn, "raisedOn");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(raisedBy, "raisedBy");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(resolvedOn, "resolvedOn");
        Objects.requireNonNull(resolutionNote, "resolutionNote");
    }
}
