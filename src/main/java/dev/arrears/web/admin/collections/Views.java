package dev.arrears.web.admin.collections;

import dev.arrears.domain.collections.Dispute;
import dev.arrears.domain.collections.Hold;
import dev.arrears.domain.collections.PaymentPlan;
import dev.arrears.domain.collections.PromiseToPay;
import dev.arrears.domain.contact.ContactRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** JSON shapes of the collections facts: flat, with dates as YYYY-MM-DD and amounts as strings. */
record HoldView(String id, String scope, String reason, String setBy, LocalDate setOn, LocalDate resumeOn, LocalDate releasedOn,
                String description) {
    static HoldView of(Hold hold) {
        return new HoldView(hold.id(), hold.scope().describe(), hold.reason(), hold.setBy(), hold.setOn(), hold.resumeOn().orElse(null),
                hold.releasedOn().orElse(null), hold.describe());
    }
}

record DisputeView(String id, String invoiceId, String reason, String raisedBy, LocalDate raisedOn, LocalDate resolvedOn,
                   String outcome, String note) {
    static DisputeView of(Dispute d) {
        return new DisputeView(d.id(), d.invoiceId(), d.reason(), d.raisedBy(), d.raisedOn(),
                d.resolution().map(r -> r.resolvedOn()).orElse(null), d.resolution().map(r -> r.outcome().label()).orElse(null),
                d.resolution().map(r -> r.note()).orElse(null));
    }
}

record PromiseView(String id, String invoiceId, String customerId, LocalDate madeOn, LocalDate payBy, String amount,
                   LocalDate resumesOn, LocalDate withdrawnOn) {
    static PromiseView of(PromiseToPay p) {
        return new PromiseView(p.id(), p.invoiceId(), p.customerId(), p.madeOn(), p.payBy(), p.amount().map(Object::toString).orElse(null),
                p.resumesOn(), p.withdrawnOn().orElse(null));
    }
}

record PlanView(String id, String customerId, List<String> invoiceIds, LocalDate agreedOn, String total, List<InstalmentView> instalments,
                LocalDate endedOn) {
    record InstalmentView(int number, LocalDate dueOn, String amount) {
    }

    static PlanView of(PaymentPlan plan) {
        return new PlanView(plan.id(), plan.customerId(), plan.invoiceIds(), plan.agreedOn(), plan.total().toString(),
                plan.instalments().stream().map(i -> new InstalmentView(i.number(), i.dueOn(), i.amount().toString())).toList(),
                plan.endedOn().orElse(null));
    }
}

record ContactView(String customerId, Instant at, String channel, String origin) {
    static ContactView of(ContactRecord c) {
        return new ContactView(c.customerId(), c.at(), c.channel().name().toLowerCase(java.util.Locale.ROOT),
                c.origin().name().toLowerCase(java.util.Locale.ROOT));
    }
}
