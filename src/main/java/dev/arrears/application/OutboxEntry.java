package dev.arrears.application;

import dev.arrears.domain.dunning.PlannedAction;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One action in the outbox, with everything needed to carry it out without deciding again.
 *
 * @param inDoubt         an attempt may have reached the ledger: the next one looks for its evidence first
 * @param ledgerReference what the ledger made, once done
 */
public record OutboxEntry(UUID id, InvoiceRef invoice, PlannedAction action, Optional<String> policyVersion,
                          OutboxStatus status, Optional<String> statusReason, int attempts, Instant nextAttemptAt,
                          Optional<String> claimedBy, Optional<Instant> claimExpiresAt, Optional<String> lastError,
                          boolean inDoubt, Optional<String> ledgerReference, Instant createdAt, Instant updatedAt) {

    public OutboxEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(status, "status");
    }
}
