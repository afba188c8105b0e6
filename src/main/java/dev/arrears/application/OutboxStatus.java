package dev.arrears.application;

/** Where an action in the outbox stands. */
public enum OutboxStatus {
    /** Waiting for a dispatcher (possibly until its next attempt time). */
    PENDING,
    /** A dispatcher is working on it until its claim expires. */
    CLAIMED,
    DONE,
    /** Not needed any more (the invoice was paid, voided, ...). */
    CANCELLED,
    /** Cannot be done without a person. */
    NEEDS_HUMAN,
    /** Planned while the organisation was in preview: shown, never dispatched. */
    PREVIEWED
}
