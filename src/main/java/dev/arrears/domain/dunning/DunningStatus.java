package dev.arrears.domain.dunning;

/** Where an invoice stands with respect to chasing. */
public enum DunningStatus {
    /** Not yet at any stage (for example, more than three days before its due date). */
    NOT_STARTED,
    /** At a stage of the ladder and being followed up. */
    ACTIVE,
    /** Needs a person before anything else happens (no due date, for example). */
    FLAGGED,
    /** Paid, voided, deleted or otherwise settled: nothing more is planned. */
    LEFT
}
