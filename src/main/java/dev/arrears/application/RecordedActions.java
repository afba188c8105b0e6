package dev.arrears.application;

import dev.arrears.domain.dunning.ActionKey;
import java.util.List;

/**
 * What recording planned actions did.
 *
 * @param added          keys that were new and are now in the outbox
 * @param alreadyPresent keys the outbox already had (from an earlier run of the same decision): left untouched
 */
public record RecordedActions(List<ActionKey> added, List<ActionKey> alreadyPresent) {

    public RecordedActions {
        added = List.copyOf(added);
        alreadyPresent = List.copyOf(alreadyPresent);
    }
}
