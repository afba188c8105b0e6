package dev.arrears.application.cycle;

import dev.arrears.application.Organisation;
import dev.arrears.domain.dunning.ActionKey;
import java.util.List;

/** An organisation switched live and the previewed actions that were promoted to the dispatcher. */
public record GoLiveResult(Organisation organisation, List<ActionKey> promoted) {
    public GoLiveResult {
        promoted = List.copyOf(promoted);
    }
}
