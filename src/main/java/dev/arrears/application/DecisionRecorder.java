package dev.arrears.application;

import java.util.List;

/**
 * Stores a decision as one unit: the new dunning state, its new actions in the outbox and the audit
 * events that explain it, in one transaction. Either all of it is stored or none of it, so the
 * outbox can never hold an action whose state was lost, nor a state whose actions were lost.
 *
 * <p>The organisation's mode is read when the decision is stored, not when it was made: a decision
 * made in preview and stored after the organisation went live is dispatched, so an accountant's
 * go-live during a cycle never leaves that cycle's actions previewed forever.
 * {@link DecisionToRecord#delivery()} is used only when the organisation is neither live nor in
 * preview at that moment.
 */
public interface DecisionRecorder {

    /**
     * @throws StaleStateException   if the state changed since the decision read it; nothing is stored
     * @throws UnknownInvoiceException if the invoice is not stored
     */
    RecordedDecision record(DecisionToRecord decision);

    /**
     * Stores many decisions in one transaction, each as {@link #record} would. A stale decision is
     * left out (and reported) without holding back the others; any other failure stores none of them.
     *
     * @throws UnknownInvoiceException if one of the invoices is not stored; nothing is stored
     */
    RecordedDecisions recordAll(List<DecisionToRecord> decisions);
}
