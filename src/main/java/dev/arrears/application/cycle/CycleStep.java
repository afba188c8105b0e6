package dev.arrears.application.cycle;

/** The steps of a cycle whose last run is remembered per organisation. */
public enum CycleStep {
    /** Read the organisation's settings from the ledger (daily). */
    SETTINGS,
    /** Pull what changed from the ledger (the gateway refreshes the access token first when needed). */
    SYNC,
    /** Run the engine over the organisation's invoices and record the decisions. */
    DECIDE
}
