package dev.arrears.application;

/**
 * Stores a decision as one unit: the new dunning state, its new actions in the outbox and the audit
 * events that explain it, in one transaction. Either all of it is stored or none of it, so the
 * outbox can never hold an action whose state was lost, nor a state whose actions were lost.
 */
public interface DecisionRecorder {

    /**
     * @throws StaleStateException   if the state changed since the decision read it; nothing is stored
     * @throws UnknownInvoiceException if the invoice is not stored
     */
    RecordedDecision record(DecisionToRecord decision);
}
