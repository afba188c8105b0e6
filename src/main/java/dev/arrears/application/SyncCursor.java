package dev.arrears.application;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the sync of one organisation has got to.
 *
 * @param token          a provider-specific position, opaque to everything but its connector
 * @param changedThrough the latest provider "updated at" up to which every record is stored
 */
public record SyncCursor(Optional<String> token, Optional<Instant> changedThrough) {

    public static final SyncCursor START = new SyncCursor(Optional.empty(), Optional.empty());

    public SyncCursor {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(changedThrough, "changedThrough");
    }
}
