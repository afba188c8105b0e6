package dev.arrears.application.cycle;

import java.time.Instant;
import java.util.Objects;

/**
 * Which organisations are due: those whose step last ran before its cut-off (or never ran), or for
 * which an operator asked for a cycle.
 */
public record DueSteps(Instant syncBefore, Instant decideBefore, Instant settingsBefore) {

    public DueSteps {
        Objects.requireNonNull(syncBefore, "syncBefore");
        Objects.requireNonNull(decideBefore, "decideBefore");
        Objects.requireNonNull(settingsBefore, "settingsBefore");
    }
}
