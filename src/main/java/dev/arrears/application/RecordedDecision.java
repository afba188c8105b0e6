package dev.arrears.application;

/** What storing a decision did: the state's new version and which of its actions were new. */
public record RecordedDecision(InvoiceRef invoice, long stateVersion, RecordedActions actions) {
}
