package dev.arrears.application.collections;

import dev.arrears.application.OrganisationId;
import dev.arrears.domain.collections.CollectionsContext;
import dev.arrears.domain.collections.Dispute;
import dev.arrears.domain.collections.DisputeResolution;
import dev.arrears.domain.collections.Hold;
import dev.arrears.domain.collections.HoldScope;
import dev.arrears.domain.collections.Instalment;
import dev.arrears.domain.collections.LimitationPeriod;
import dev.arrears.domain.collections.PaymentPlan;
import dev.arrears.domain.collections.PromiseToPay;
import dev.arrears.domain.dunning.CollectionsEvent;
import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What people agreed or decided about an organisation's debts. Invoices are named by the ledger's
 * id, as the engine sees them. Every change writes an audit event in the same transaction.
 *
 * <p>Dates are the organisation's days; the caller works them out in the organisation's zone.
 *
 * @see CollectionsContext the engine's view of the same facts
 */
public interface CollectionsStore {

    Hold placeHold(OrganisationId org, HoldScope scope, String reason, String setBy, LocalDate setOn, Optional<LocalDate> resumeOn);

    /** @throws UnknownCollectionsFactException when the organisation has no such hold */
    Hold releaseHold(OrganisationId org, String holdId, String releasedBy, LocalDate on);

    List<Hold> holds(OrganisationId org);

    /** @throws IllegalStateException when the invoice already has an open dispute */
    Dispute raiseDispute(OrganisationId org, String invoiceId, String reason, String raisedBy, LocalDate on);

    /** Resolves the invoice's open dispute. @throws UnknownCollectionsFactException when it has none */
    Dispute resolveDispute(OrganisationId org, String invoiceId, DisputeResolution resolution);

    PromiseToPay recordPromise(OrganisationId org, String invoiceId, String customerId, LocalDate madeOn, LocalDate payBy,
                               Optional<Money> amount, String recordedBy);

    PromiseToPay withdrawPromise(OrganisationId org, String promiseId, LocalDate on);

    /** Stores the engine's judgement of a promise on its row: the customer's record of kept and broken promises. */
    void recordPromiseOutcome(OrganisationId org, CollectionsEvent event, LocalDate judgedOn);

    /** Broken promises of one customer, for the customer's record. */
    long brokenPromises(OrganisationId org, String customerId);

    PaymentPlan agreePlan(OrganisationId org, String customerId, List<String> invoiceIds, LocalDate agreedOn,
                          List<Instalment> instalments, String agreedBy);

    PaymentPlan endPlan(OrganisationId org, String planId, LocalDate on, String endedBy, String reason);

    Optional<PaymentPlan> plan(OrganisationId org, String planId);

    List<PaymentPlan> plans(OrganisationId org, String customerId);

    void setLimitation(OrganisationId org, LimitationPeriod period, String setBy);

    /** Every fact of the organisation for the engine, plan payments gathered from the stored invoices. */
    CollectionsContext contextFor(OrganisationId org);
}
