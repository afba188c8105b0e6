package dev.arrears.application;

import dev.arrears.domain.dunning.PlannedAction;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One action in the outbox, with everything needed to carry it out without deciding again. */
public record OutboxEntry(UUID id, InvoiceRef invoice, PlannedAction action, Optional<String> policyVersion,
                          OutboxStatus status, Optional<String> statusReason, int attempts, Instant nextAttemptAt,
                          Optional<String> claimedBy, Optional<Instant> claimExpiresAt, Optional<String> lastError,
                          Instant createdAt, Instant updatedAt) {

    public OutboxEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(status, "status");
    }
}
