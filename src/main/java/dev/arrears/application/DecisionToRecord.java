package dev.arrears.application;

import dev.arrears.domain.dunning.Decision;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One decision of the engine, ready to be stored.
 *
 * @param basedOnVersion the version of the dunning state the decision started from
 *                       ({@link StoredDunningState#NOT_STORED} for a first decision)
 * @param decidedFor     the organisation's "today" the decision was made for
 * @param delivery       whether its actions are dispatched or only previewed
 */
public record DecisionToRecord(InvoiceRef invoice, long basedOnVersion, Decision decision, String policyVersion,
                               LocalDate decidedFor, DeliveryMode delivery) {

    public DecisionToRecord {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(decidedFor, "decidedFor");
        Objects.requireNonNull(delivery, "delivery");
    }
}
