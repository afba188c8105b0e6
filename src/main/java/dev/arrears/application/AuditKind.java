package dev.arrears.application;

/** Kinds of audit events. Stored by name: add new ones freely, never rename one. */
public enum AuditKind {
    /** The engine decided on an invoice; the detail carries its reasons. */
    DECISION,
    /** An action was put in the outbox to be carried out. */
    ACTION_PLANNED,
    /** An action was planned in preview mode: shown, never carried out. */
    ACTION_PREVIEWED,
    /** A decision planned an action the outbox already had; nothing new was planned. */
    ACTION_SUPPRESSED,
    /** The catch-up rule passed over a stage; its actions were not planned. */
    STAGE_SKIPPED,
    /** A pending action was cancelled before it was carried out. */
    ACTION_CANCELLED,
    /** A record from the ledger could not be used and was set aside. */
    INVOICE_QUARANTINED,
    /** An organisation's mode changed (preview, live, paused, needs reconnect). */
    MODE_CHANGED,
    /** A hold, dispute, promise, payment plan, contact or limitation setting was recorded or changed by a person. */
    COLLECTIONS_FACT
}
