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
    COLLECTIONS_FACT,
    /** A previewed action was handed to the dispatcher when its organisation went live (the go-live rule). */
    ACTION_PROMOTED,
    /** An action was applied in the ledger. */
    ACTION_DONE,
    /** An earlier attempt whose outcome was unknown was found in the ledger: done, not written again. */
    ACTION_FOUND_IN_LEDGER,
    /** An attempt failed and will be tried again; the detail says when and why. */
    ACTION_RETRY,
    /** An attempt may or may not have reached the ledger; the next one looks for its evidence first. */
    ACTION_IN_DOUBT,
    /** An action stopped and waits for a person; the detail says why. */
    ACTION_NEEDS_HUMAN,
    /** An invoice was put in front of a person, as the policy asked. */
    ACTION_FLAGGED,
    /** An organisation's cycle failed; it backs off and tries again. */
    CYCLE_FAILED,
    /** Reading the organisation's ledger settings found something the accountant should know. */
    LEDGER_SETTINGS_WARNING,
    /** A customer-facing write waits for the send rules (window, holiday, minimum gap, cap); not a failed attempt. */
    ACTION_DEFERRED,
    /** The engine judged a promise to pay (kept or broken); it is recorded on the customer. */
    PROMISE_JUDGED,
    /** An invoice reached a stage that names a document: the demand letter or case file was produced and kept. */
    DOCUMENT_PRODUCED,
    /** A person changed something through the console; the detail names the user and what they did. */
    CONSOLE_ACTION,
    /** A person excluded, included again, stopped or chased one action of the queue (detail: user, change). */
    QUEUE_CHANGED
}
