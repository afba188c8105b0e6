package dev.arrears.domain.dunning;

import java.util.Objects;

/**
 * Cancel the invoice's actions that are planned but not yet carried out: reminders and late fees
 * alike. A dispute, a hold, a promise or a plan that starts after a fee was planned but before it was
 * written means the fee must not be written (the application applies this with
 * {@code Outbox.cancelPendingFor}; actions already written are left alone).
 */
public record Cancellation(String organisationId, String invoiceId, String reason) {
    public Cancellation {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(reason, "reason");
    }
}
