package dev.arrears.application.escalation;

import dev.arrears.domain.collections.Dispute;
import dev.arrears.domain.collections.PlanStanding;
import dev.arrears.domain.collections.PromiseToPay;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns the collections domain's promises, disputes and plans into what a case file shows, judged on one day. */
final class CollectionsHistory {

    private CollectionsHistory() {
    }

    static List<PromiseRecord> promises(List<PromiseToPay> promises, List<InvoiceSnapshot> invoices, LocalDate today) {
        Map<String, InvoiceSnapshot> byId = byId(invoices);
        return promises.stream()
                .filter(p -> byId.containsKey(p.invoiceId()))
                .sorted(Comparator.comparing(PromiseToPay::madeOn).thenComparing(PromiseToPay::id))
                .map(p -> new PromiseRecord(byId.get(p.invoiceId()).number(), p.madeOn(), p.payBy(), p.amount(),
                        outcome(p, byId.get(p.invoiceId()), today), p.recordedBy()))
                .toList();
    }

    private static PromiseRecord.Outcome outcome(PromiseToPay promise, InvoiceSnapshot invoice, LocalDate today) {
        if (promise.withdrawnOn().filter(w -> !w.isAfter(promise.payBy())).isPresent()) {
            return PromiseRecord.Outcome.WITHDRAWN;
        }
        if (!promise.judgedBy(today)) {
            return PromiseRecord.Outcome.OPEN;
        }
        boolean kept = promise.amount().isPresent() ? promise.keptBy(invoice) : invoice.isSettled();
        return kept ? PromiseRecord.Outcome.KEPT : PromiseRecord.Outcome.BROKEN;
    }

    static List<DisputeRecord> disputes(List<Dispute> disputes, List<InvoiceSnapshot> invoices) {
        Map<String, InvoiceSnapshot> byId = byId(invoices);
        return disputes.stream()
                .filter(d -> byId.containsKey(d.invoiceId()))
                .sorted(Comparator.comparing(Dispute::raisedOn).thenComparing(Dispute::id))
                .map(d -> new DisputeRecord(byId.get(d.invoiceId()).number(), d.raisedOn(), d.reason(), d.raisedBy(),
                        d.resolution().map(r -> DisputeRecord.Status.valueOf(r.outcome().name())).orElse(DisputeRecord.Status.OPEN),
                        d.resolution().map(r -> r.resolvedOn()), d.resolution().map(r -> r.note())))
                .toList();
    }

    static List<PaymentPlanRecord> plans(List<PlanStanding> plans, List<InvoiceSnapshot> invoices, String customerId, LocalDate today) {
        Map<String, InvoiceSnapshot> byId = byId(invoices);
        return plans.stream()
                .filter(s -> s.plan().customerId().equals(customerId))
                .sorted(Comparator.comparing((PlanStanding s) -> s.plan().agreedOn()).thenComparing(s -> s.plan().id()))
                .map(s -> plan(s, byId, today))
                .toList();
    }

    private static PaymentPlanRecord plan(PlanStanding standing, Map<String, InvoiceSnapshot> byId, LocalDate today) {
        var plan = standing.plan();
        var paid = standing.paidThrough(today);
        List<PaymentPlanRecord.Instalment> instalments = plan.instalments().stream().map(i -> new PaymentPlanRecord.Instalment(
                i.number(), i.dueOn(), i.amount(),
                paid.compareTo(plan.dueThrough(i.number())) >= 0 ? PaymentPlanRecord.Instalment.State.PAID
                        : i.dueOn().isBefore(today) ? PaymentPlanRecord.Instalment.State.MISSED : PaymentPlanRecord.Instalment.State.DUE))
                .toList();
        PaymentPlanRecord.Status status = standing.paidInFullBy(today) ? PaymentPlanRecord.Status.COMPLETED
                : plan.endedOn().filter(end -> !end.isAfter(today)).isPresent() ? PaymentPlanRecord.Status.ENDED
                : standing.missedOn(today).isPresent() ? PaymentPlanRecord.Status.IN_ARREARS
                : PaymentPlanRecord.Status.ACTIVE;
        return new PaymentPlanRecord(plan.agreedOn(), plan.agreedBy(),
                plan.invoiceIds().stream().map(id -> byId.containsKey(id) ? byId.get(id).number() : id).toList(), status, paid, instalments);
    }

    private static Map<String, InvoiceSnapshot> byId(List<InvoiceSnapshot> invoices) {
        return invoices.stream().collect(Collectors.toMap(InvoiceSnapshot::invoiceId, Function.identity()));
    }
}
