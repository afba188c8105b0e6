package dev.arrears.application;

import java.util.List;

/**
 * What storing a group of decisions did.
 *
 * @param recorded the decisions stored, in the order they were given
 * @param stale    the invoices whose state changed since their decision read it (another replica
 *                 decided in between): nothing of their decision was stored, the next cycle decides
 *                 them again from a fresh read
 */
public record RecordedDecisions(List<RecordedDecision> recorded, List<InvoiceRef> stale) {

    public RecordedDecisions {
        recorded = List.copyOf(recorded);
        stale = List.copyOf(stale);
    }
}
