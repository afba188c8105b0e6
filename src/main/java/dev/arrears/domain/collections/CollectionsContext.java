package dev.arrears.domain.collections;

import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What people agreed or decided about an organisation's debts, passed to the engine with each
 * invoice: holds, disputes, promises to pay, payment plans (with their payments) and the
 * organisation's limitation period. It may hold facts about other invoices and customers; the
 * engine uses only those that cover the invoice it decides, so the caller may pass a whole
 * organisation's facts.
 *
 * @param limitation empty: no limitation warnings at all
 */
public record CollectionsContext(List<Hold> holds, List<Dispute> disputes, List<PromiseToPay> promises,
                                 List<PlanStanding> plans, Optional<LimitationPeriod> limitation) {

    /**
     * No facts and no limitation warning: the engine decides exactly as it did before collections
     * rules existed (what {@code decide} without a context uses).
     */
    public static final CollectionsContext NONE = new CollectionsContext(List.of(), List.of(), List.of(), List.of(),
            Optional.empty());

    /** No facts, and the default limitation period (six years, warned 180 days before): what an organisation starts with. */
    public static CollectionsContext defaults() {
        return NONE.withLimitation(LimitationPeriod.DEFAULT);
    }

    public CollectionsContext {
        holds = List.copyOf(holds);
        disputes = List.copyOf(disputes);
        promises = List.copyOf(promises);
        plans = List.copyOf(plans);
        Objects.requireNonNull(limitation, "limitation");
    }

    public List<Hold> holdsOf(InvoiceSnapshot invoice) {
        return holds.stream().filter(h -> h.scope().covers(invoice)).toList();
    }

    public List<Dispute> disputesOf(InvoiceSnapshot invoice) {
        return disputes.stream().filter(d -> d.invoiceId().equals(invoice.invoiceId())).toList();
    }

    public List<PromiseToPay> promisesOf(InvoiceSnapshot invoice) {
        return promises.stream().filter(p -> p.invoiceId().equals(invoice.invoiceId())).toList();
    }

    public List<PlanStanding> plansOf(InvoiceSnapshot invoice) {
        return plans.stream().filter(p -> p.plan().covers(invoice)).toList();
    }

    public CollectionsContext withHolds(List<Hold> more) {
        return new CollectionsContext(concat(holds, more), disputes, promises, plans, limitation);
    }

    public CollectionsContext withDisputes(List<Dispute> more) {
        return new CollectionsContext(holds, concat(disputes, more), promises, plans, limitation);
    }

    public CollectionsContext withPromises(List<PromiseToPay> more) {
        return new CollectionsContext(holds, disputes, concat(promises, more), plans, limitation);
    }

    public CollectionsContext withPlans(List<PlanStanding> more) {
        return new CollectionsContext(holds, disputes, promises, concat(plans, more), limitation);
    }

    public CollectionsContext withLimitation(LimitationPeriod period) {
        return new CollectionsContext(holds, disputes, promises, plans, Optional.of(period));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
