package dev.arrears.domain.collections;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A person stopped reminders and fees for an organisation, a customer or an invoice. It holds from
 * {@code setOn} until the day before {@code resumeOn} (the first day chasing may resume) or before
 * {@code releasedOn} (a person lifted it early), whichever comes first; with neither, until lifted.
 * When it ends, chasing re-enters the ladder at the stage due that day (catch-up), never from the
 * start and never with a burst of the stages that fell inside the hold.
 *
 * @param setOn the organisation's day on which it was set; the exact moment is in the audit trail
 */
public record Hold(String id, HoldScope scope, String reason, String setBy, LocalDate setOn,
                   Optional<LocalDate> resumeOn, Optional<LocalDate> releasedOn) {

    public Hold {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(setBy, "setBy");
        Objects.requireNonNull(setOn, "setOn");
        Objects.requireNonNull(resumeOn, "resumeOn");
        Objects.requireNonNull(releasedOn, "releasedOn");
        if (reason.isBlank() || setBy.isBlank()) {
            throw new IllegalArgumentException("a hold needs a reason and the name of who set it");
        }
        resumeOn.ifPresent(day -> {
            if (!day.isAfter(setOn)) {
                throw new IllegalArgumentException("hold " + id + ": the resume date " + day + " must be after the day it was set, " + setOn);
            }
        });
    }

    /** The first day on which the hold no longer applies, if known. */
    public Optional<LocalDate> endsOn() {
        return Window.earliest(resumeOn, releasedOn);
    }

    public boolean activeOn(LocalDate day) {
        return Window.active(setOn, endsOn(), day);
    }

    public String describe() {
        return "on hold (" + scope.describe() + ") since " + setOn + endsOn().map(d -> " until " + d.minusDays(1)).orElse("")
                + ": " + reason + " (set by " + setBy + ")";
    }
}
