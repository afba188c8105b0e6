package dev.arrears.domain.invoice;

import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine knows of one sales invoice, independent of the ledger it came from.
 *
 * @param organisationId our id of the organisation (stable across providers and reconnects)
 * @param invoiceId      the ledger's id of the invoice (Xero InvoiceID, QuickBooks Id)
 * @param number         the number the customer sees (INV-0042)
 * @param dueDate        empty when the ledger has none: such an invoice is flagged, never guessed
 * @param amountDue      the outstanding principal; late fees are separate invoices, so never part of it
 * @param payments       what lowered the amount due and when, oldest first (may be empty when unknown)
 * @param lateFeeInvoice true when Arrears itself raised this invoice as a late fee: it is not chased
 */
public record InvoiceSnapshot(
        String organisationId,
        String invoiceId,
        String number,
        String customerId,
        String customerName,
        LocalDate issueDate,
        Optional<LocalDate> dueDate,
        Money total,
        Money amountDue,
        InvoiceStatus status,
        List<PaymentApplied> payments,
        boolean lateFeeInvoice) {

    public InvoiceSnapshot {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(amountDue, "amountDue");
        Objects.requireNonNull(status, "status");
        if (!total.currency().equals(amountDue.currency())) {
            throw new IllegalArgumentException("invoice " + invoiceId + " mixes currencies: total "
                    + total + ", amount due " + amountDue);
        }
        payments = List.copyOf(payments);
        for (PaymentApplied p : payments) {
            if (!p.amount().currency().equals(total.currency())) {
                throw new IllegalArgumentException("invoice " + invoiceId + " has a payment in "
                        + p.amount().currency() + " but is in " + total.currency());
            }
        }
    }

    public Currency currency() {
        return total.currency();
    }

    /** Paid means nothing is owed any more, whatever the ledger's status word says. */
    public boolean isSettled() {
        return status.isClosed() || !amountDue.isPositive();
    }

    /**
     * The principal still owed at the end of {@code date}: the total less what was applied on or
     * before that day. Falls back to the current amount due when no payment history is known.
     */
    public Money principalOwedOn(LocalDate date) {
        if (payments.isEmpty()) {
            return amountDue;
        }
        Money owed = total;
        for (PaymentApplied p : payments) {
            if (!p.date().isAfter(date)) {
                owed = owed.minus(p.amount());
            }
        }
        return owed.max(Money.zero(currency()));
    }
}
