package dev.arrears.application.cycle;

import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Mode changes that must move the outbox with them, each in one transaction (a crash can never
 * leave an organisation live with its go-live actions unpromoted, or in preview with actions still
 * queued for the ledger). Each change is audited.
 *
 * <h2>The go-live rule</h2>
 * While in preview, the engine ran as if live: each invoice's dunning state records the stages it
 * reached, and their actions were stored as PREVIEWED. Going live is treated like the daemon coming
 * back after a stop, so the catch-up rule applies: for each invoice still being chased, only the
 * previewed actions of its <em>current</em> stage are promoted to PENDING (reminder, note, flag), and
 * of every fee rule still charging the invoice the latest period, also when the rule belongs to an
 * earlier stage (a repeating fee keeps charging after the invoice moved on); every earlier stage and
 * earlier fee period stays PREVIEWED, recorded and never sent. So a newly live organisation sends at
 * most one stage's actions per invoice (no burst), and the reminder of the stage each invoice is in
 * now is not lost. Invoices that are settled in the mirror are not promoted; the dispatcher re-reads
 * every invoice before writing anyway.
 */
public interface OrganisationControl {

    /** PREVIEW to LIVE, promoting what {@link GoLiveRule} allows. A live organisation is left as it is. */
    GoLiveResult goLive(OrganisationId organisation, Instant at);

    /** LIVE to PREVIEW: pending actions go back to PREVIEWED so nothing queued reaches the ledger. */
    Organisation toPreview(OrganisationId organisation, Instant at);

    /**
     * Stops deciding and writing; claimed actions finish, pending ones wait. Remembers the mode to return
     * to. Paused until a person resumes it: a resume day set earlier is dropped.
     */
    Organisation pause(OrganisationId organisation, Instant at);

    /**
     * Pauses until a day: on {@code resumeOn}, in the organisation's own time zone, {@link #resumeDue}
     * resumes it (a person may resume it sooner). Already paused: only the day changes.
     *
     * @throws IllegalArgumentException when the day is not after today in the organisation's zone
     */
    Organisation pauseUntil(OrganisationId organisation, LocalDate resumeOn, String by, Instant at);

    /** The day a paused organisation resumes by itself; empty when it waits for a person (or is not paused). */
    Optional<LocalDate> resumeOn(OrganisationId organisation);

    /** Back to the mode the organisation had when it was paused; not paused: unchanged. */
    Organisation resume(OrganisationId organisation, Instant at);

    /** Resumes every paused organisation whose resume day has come in its own time zone; returns them. */
    List<OrganisationId> resumeDue(Instant now);
}
