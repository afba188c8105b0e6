package dev.arrears.application.forecast;

import dev.arrears.domain.collections.CollectionsContext;
import dev.arrears.domain.collections.PlanStanding;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.invoice.PaymentApplied;
import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What happens during a forecast besides the passing days: holds, disputes, promises and plans (as
 * dated facts) and payments on given dates. In the forecast an invoice's number is its id.
 */
public record ForecastEvents(CollectionsContext facts, List<Payment> payments) {

    /** Nothing happens: "if nobody pays". */
    public static final ForecastEvents NONE = new ForecastEvents(CollectionsContext.NONE, List.of());

    /** A payment of {@code amount} against invoice {@code invoiceNumber} on {@code date}. */
    public record Payment(String invoiceNumber, LocalDate date, Money amount) {
        public Payment {
            Objects.requireNonNull(invoiceNumber, "invoiceNumber");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(amount, "amount");
        }
    }

    public ForecastEvents {
        Objects.requireNonNull(facts, "facts");
        payments = List.copyOf(payments);
    }

    /** The invoice as it would be synced on {@code day}: payments made by then applied, paid when nothing is left. */
    public InvoiceSnapshot invoiceOn(InvoiceSnapshot invoice, LocalDate day) {
        List<PaymentApplied> applied = new ArrayList<>(invoice.payments());
        Money due = invoice.amountDue();
        for (Payment p : payments) {
            if (p.invoiceNumber().equals(invoice.invoiceId()) && !p.date().isAfter(day)) {
                applied.add(new PaymentApplied(p.date(), p.amount()));
                due = due.minus(p.amount());
            }
        }
        if (applied.size() == invoice.payments().size()) {
            return invoice;
        }
        Money owed = due.max(Money.zero(invoice.currency()));
        // Payment history makes principalOwedOn count from the total, so earlier payments (total - amount due) go first.
        Money before = invoice.total().minus(invoice.amountDue()).minus(sum(invoice.payments(), invoice));
        if (before.isPositive() && invoice.payments().isEmpty()) {
            applied.addFirst(new PaymentApplied(invoice.issueDate(), before));
        }
        InvoiceStatus status = owed.isPositive() ? invoice.status() : InvoiceStatus.PAID;
        return new InvoiceSnapshot(invoice.organisationId(), invoice.invoiceId(), invoice.number(), invoice.customerId(),
                invoice.customerName(), invoice.issueDate(), invoice.dueDate(), invoice.total(), owed, status, applied,
                invoice.lateFeeInvoice());
    }

    /** The facts for the engine, with each plan's payments gathered from all its invoices. */
    public CollectionsContext context() {
        List<PlanStanding> plans = facts.plans().stream().map(standing -> {
            List<PaymentApplied> paid = new ArrayList<>(standing.payments());
            payments.stream().filter(p -> standing.plan().invoiceIds().contains(p.invoiceNumber()))
                    .forEach(p -> paid.add(new PaymentApplied(p.date(), p.amount())));
            return new PlanStanding(standing.plan(), paid);
        }).toList();
        return new CollectionsContext(facts.holds(), facts.disputes(), facts.promises(), plans, facts.limitation());
    }

    private static Money sum(List<PaymentApplied> list, InvoiceSnapshot invoice) {
        return list.stream().map(PaymentApplied::amount).reduce(Money.zero(invoice.currency()), Money::plus);
    }
}
