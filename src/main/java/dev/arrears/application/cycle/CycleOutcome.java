package dev.arrears.application.cycle;

import dev.arrears.application.OrganisationId;

/** How one organisation's cycle ended in this replica. */
public sealed interface CycleOutcome {

    OrganisationId organisation();

    String summary();

    record Completed(OrganisationId organisation, String summary) implements CycleOutcome {
    }

    /** Recorded on the organisation, which backs off. */
    record Failed(OrganisationId organisation, String summary) implements CycleOutcome {
    }

    /** Not worked here (paused, leased elsewhere, lease lost): nothing recorded. */
    record Skipped(OrganisationId organisation, String summary) implements CycleOutcome {
    }
}
