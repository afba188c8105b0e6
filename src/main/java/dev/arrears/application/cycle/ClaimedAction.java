package dev.arrears.application.cycle;

import dev.arrears.application.OutboxEntry;
import java.util.Objects;

/**
 * An action this replica now holds.
 *
 * @param inDoubt an earlier attempt may have reached the ledger: look for its evidence before writing
 */
public record ClaimedAction(OutboxEntry entry, boolean inDoubt) {
    public ClaimedAction {
        Objects.requireNonNull(entry, "entry");
    }
}
