package dev.arrears.web.admin.collections;

import dev.arrears.application.InvoiceNames;
import dev.arrears.application.OrganisationId;
import dev.arrears.domain.collections.Dispute;
import dev.arrears.domain.collections.Hold;
import dev.arrears.domain.collections.PaymentPlan;
import dev.arrears.domain.collections.PromiseToPay;
import dev.arrears.domain.contact.ContactRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** JSON shapes of the collections facts: flat, with dates as YYYY-MM-DD and amounts as strings. */
record HoldView(String id, String scope, String reason, String setBy, LocalDate setOn, LocalDate resumeOn, LocalDate releasedOn,
                String description) {
    static HoldView of(Hold hold) {
        return new HoldView(hold.id(), hold.scope().describe(), hold.reason(), hold.setBy(), hold.setOn(), hold.resumeOn().orElse(null),
                hold.releasedOn().orElse(null), hold.describe());
    }
}

/**
 * Invoice numbers and customer names of one organisation, for one answer that shows invoices or
 * customers; each is looked up once however often the answer shows it (a customer's contacts).
 */
final class Naming {
    private final OrganisationId organisation;
    private final InvoiceNames names;
    private final Map<String, Optional<InvoiceNames.Names>> invoices = new HashMap<>();
    private final Map<String, Optional<String>> customers = new HashMap<>();

    Naming(OrganisationId organisation, InvoiceNames names) {
        this.organisation = organisation;
        this.names = names;
    }

    Optional<InvoiceNames.Names> invoice(String invoiceId) {
        return invoices.computeIfAbsent(invoiceId, id -> Optional.ofNullable(names.of(organisation, List.of(id)).get(id)));
    }

    String invoiceNumber(String invoiceId) {
        return invoice(invoiceId).map(InvoiceNames.Names::number).orElse(null);
    }

    String customerName(String customerId) {
        return customers.computeIfAbsent(customerId, id -> names.customerName(organisation, id)).orElse(null);
    }
}

record DisputeView(String id, String invoiceId, String invoiceNumber, String customerName, String reason, String raisedBy,
                   LocalDate raisedOn, LocalDate resolvedOn, String outcome, String note) {
    static DisputeView of(Dispute d, Naming naming) {
        Optional<InvoiceNames.Names> invoice = naming.invoice(d.invoiceId());
        return new DisputeView(d.id(), d.invoiceId(), invoice.map(InvoiceNames.Names::number).orElse(null),
                invoice.map(InvoiceNames.Names::customerName).orElse(null), d.reason(), d.raisedBy(), d.raisedOn(),
                d.resolution().map(r -> r.resolvedOn()).orElse(null), d.resolution().map(r -> r.outcome().label()).orElse(null),
                d.resolution().map(r -> r.note()).orElse(null));
    }
}

record PromiseView(String id, String invoiceId, String invoiceNumber, String customerId, String customerName, LocalDate madeOn,
                   LocalDate payBy, String amount, LocalDate resumesOn, LocalDate withdrawnOn) {
    static PromiseView of(PromiseToPay p, Naming naming) {
        return new PromiseView(p.id(), p.invoiceId(), naming.invoiceNumber(p.invoiceId()), p.customerId(),
                naming.customerName(p.customerId()), p.madeOn(), p.payBy(), p.amount().map(Object::toString).orElse(null),
                p.resumesOn(), p.withdrawnOn().orElse(null));
    }
}

record PlanView(String id, String customerId, String customerName, List<String> invoiceIds, LocalDate agreedOn, String total,
                List<InstalmentView> instalments, LocalDate endedOn) {
    record InstalmentView(int number, LocalDate dueOn, String amount) {
    }

    static PlanView of(PaymentPlan plan, Naming naming) {
        return new PlanView(plan.id(), plan.customerId(), naming.customerName(plan.customerId()), plan.invoiceIds(), plan.agreedOn(), plan.total().toString(),
                plan.instalments().stream().map(i -> new InstalmentView(i.number(), i.dueOn(), i.amount().toString())).toList(),
                plan.endedOn().orElse(null));
    }
}

record ContactView(String customerId, String customerName, Instant at, String channel, String origin) {
    static ContactView of(ContactRecord c, Naming naming) {
        return new ContactView(c.customerId(), naming.customerName(c.customerId()), c.at(), c.channel().name().toLowerCase(java.util.Locale.ROOT),
                c.origin().name().toLowerCase(java.util.Locale.ROOT));
    }
}
