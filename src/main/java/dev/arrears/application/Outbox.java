package dev.arrears.application;

import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.PlannedAction;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Actions waiting to be carried out in the ledgers. Each action's key is unique in the outbox, so
 * recording the same decision twice never plans anything twice.
 */
public interface Outbox {

    /**
     * Adds the actions whose keys are not in the outbox yet, and plans again those whose earlier row
     * was {@link OutboxStatus#CANCELLED} before it was written (a pause or a hold seen right before
     * the write, and the engine asks for the action again once the pause is over); the row keeps its
     * key and its doubt, so an attempt that may have reached the ledger is looked for first. Rows in
     * any other status are left untouched ({@code alreadyPresent}): nothing is written twice. Joins the caller's transaction when
     * there is one. Writes no audit events: {@link DecisionRecorder} does, in the same transaction;
     * use it rather than this for decisions.
     */
    RecordedActions record(InvoiceRef invoice, List<PlannedAction> actions, DeliveryMode delivery, String policyVersion);

    /**
     * Cancels the invoice's {@link OutboxStatus#PENDING} actions (claimed, done or previewed ones are
     * left alone), with an audit event for each. Actions that settle a full payment
     * ({@link dev.arrears.domain.dunning.ActionKey#followsFullPayment}) are left alone too: the payment is why they exist.
     *
     * @return the keys cancelled
     */
    List<ActionKey> cancelPendingFor(InvoiceRef invoice, String reason);

    /**
     * A person dealt with an action that waited for them ({@link OutboxStatus#NEEDS_HUMAN}): it becomes
     * {@link OutboxStatus#DONE} with {@code outcome} as its reason, and an audit event says so. DONE
     * rather than CANCELLED: a cancelled action is planned again by the next decision, a closed task
     * must not come back.
     *
     * @return the action as it was before, or empty when the organisation has no such action waiting for a person
     */
    Optional<OutboxEntry> closeNeedsHuman(OrganisationId organisationId, UUID actionId, String outcome);

    /** An organisation's actions in one status, oldest first. */
    List<OutboxEntry> list(OrganisationId organisationId, OutboxStatus status);

    /**
     * The organisation's late fees ({@code ChargeLateFee} actions) in any of these statuses, oldest
     * first: what escalation documents list, without reading the rest of the outbox.
     */
    List<OutboxEntry> lateFees(OrganisationId organisationId, Set<OutboxStatus> statuses);
}
