package dev.arrears.domain.collections;

import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.PaymentApplied;
import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer promised to pay one invoice by a date (and perhaps only an amount). Chasing pauses
 * from {@code madeOn} through {@code payBy}, whatever kind of day that is, and resumes on the day
 * after it: a promise for Christmas Day is judged on 26 December, and a payment dated the holiday
 * itself still keeps it. Whether a reminder can go out that day is for the send rules (window,
 * holidays), not for the promise.
 *
 * <p>Kept when the payments dated from {@code madeOn} through {@code payBy} add up to the promised
 * amount or, without an amount, when nothing is owed any more. A promise kept for part of the debt
 * still lets chasing resume for the rest the day after.
 *
 * @param withdrawnOn a person cancelled the promise: chasing may resume that day, and nothing is judged
 */
public record PromiseToPay(String id, String invoiceId, String customerId, LocalDate madeOn, LocalDate payBy,
                           Optional<Money> amount, String recordedBy, Optional<LocalDate> withdrawnOn) {

    public PromiseToPay {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(madeOn, "madeOn");
        Objects.requireNonNull(payBy, "payBy");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(withdrawnOn, "withdrawnOn");
        if (payBy.isBefore(madeOn)) {
            throw new IllegalArgumentException("promise " + id + ": the promised date " + payBy + " is before the day it was made, " + madeOn);
        }
        amount.ifPresent(a -> {
            if (!a.isPositive()) {
                throw new IllegalArgumentException("promise " + id + ": the promised amount must be positive, was " + a);
            }
        });
    }

    /** The first day chasing may resume: the day after the promised date, or the day it was withdrawn. */
    public LocalDate resumesOn() {
        LocalDate after = payBy.plusDays(1);
        return withdrawnOn.filter(w -> w.isBefore(after)).orElse(after);
    }

    public boolean activeOn(LocalDate day) {
        return Window.active(madeOn, Optional.of(resumesOn()), day);
    }

    /** Whether it can be judged on {@code day}: the promised date has passed and it was not withdrawn before. */
    public boolean judgedBy(LocalDate day) {
        return day.isAfter(payBy) && withdrawnOn.map(w -> w.isAfter(payBy)).orElse(true);
    }

    public Money paidWithin(InvoiceSnapshot invoice) {
        return invoice.payments().stream()
                .filter(p -> !p.date().isBefore(madeOn) && !p.date().isAfter(payBy))
                .map(PaymentApplied::amount)
                .reduce(Money.zero(invoice.currency()), Money::plus);
    }

    /** Only asked for invoices still owed after the promised date. */
    public boolean keptBy(InvoiceSnapshot invoice) {
        return amount.isPresent() && paidWithin(invoice).compareTo(amount.get()) >= 0;
    }

    public String describe() {
        return "promise to pay " + amount.map(Money::toString).orElse("in full") + " by " + payBy
                + " (made " + madeOn + ", recorded by " + recordedBy + ")";
    }
}
