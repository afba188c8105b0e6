package dev.arrears.application.cycle;

import dev.arrears.application.OutboxEntry;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An action this replica now holds.
 *
 * @param inDoubt an earlier attempt may have reached the ledger: look for its evidence before writing
 * @param firstWriteAt when the first write of this action began, if one ever did: it dates the
 *                     evidence to look for and bounds the providers' idempotency windows
 */
public record ClaimedAction(OutboxEntry entry, boolean inDoubt, Optional<Instant> firstWriteAt) {
    public ClaimedAction {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(firstWriteAt, "firstWriteAt");
    }

    /** A claim on an action never written before. */
    public ClaimedAction(OutboxEntry entry, boolean inDoubt) {
        this(entry, inDoubt, Optional.empty());
    }
}
