package dev.arrears.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What a collections operator watches, counted from the stored state (so every replica reports the same). */
public interface OperationsFigures {

    Figures read(Instant now);

    /** Actions of one kind, channel and status. */
    record ActionCount(String kind, String channel, String status, long count) {
        public ActionCount {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * @param oldestDueAt  when the longest-waiting action that is due now became due
     * @param writesPaused organisations a ledger asked to slow down (429) whose pause has not ended
     */
    record Figures(List<ActionCount> actions, long inDoubt, Optional<Instant> oldestDueAt,
                   Map<String, Long> organisationsByMode, long writesPaused) {
        public Figures {
            actions = List.copyOf(actions);
            Objects.requireNonNull(oldestDueAt, "oldestDueAt");
            organisationsByMode = Map.copyOf(organisationsByMode);
        }
    }
}
