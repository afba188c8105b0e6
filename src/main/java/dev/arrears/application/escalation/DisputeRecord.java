package dev.arrears.application.escalation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** A dispute raised by the customer on one invoice, as a case file lists it (see {@link PromiseRecord} on why here). */
public record DisputeRecord(String invoiceNumber, LocalDate raisedOn, String reason, Status status, Optional<LocalDate> resolvedOn) {

    public enum Status { OPEN, RESOLVED, WITHDRAWN }

    public DisputeRecord {
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(raisedOn, "raisedOn");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(resolvedOn, "resolvedOn");
    }
}
