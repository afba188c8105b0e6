package dev.arrears.application;

/** What Arrears may do for an organisation. */
public enum OrganisationMode {
    /** Decisions are computed and shown; nothing is written to the ledger. Every new organisation starts here. */
    PREVIEW,
    /** Decisions are carried out. Only an accountant switches an organisation live. */
    LIVE,
    /** Switched off by a person; nothing is decided or written. */
    PAUSED,
    /** The ledger refused our refresh token; nothing happens until someone reconnects. */
    NEEDS_RECONNECT
}
