package dev.arrears.domain.testing;

import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.invoice.PaymentApplied;
import dev.arrears.domain.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds invoice snapshots for tests: an open 1000.00 GBP invoice due 2026-01-01 unless told otherwise. */
public final class TestInvoices {

    public static final LocalDate DUE = LocalDate.of(2026, 1, 1);

    private String invoiceId = "inv-1";
    private String customerId = "cust-1";
    private Optional<LocalDate> dueDate = Optional.of(DUE);
    private Money total = Money.of("1000.00", "GBP");
    private Optional<Money> amountDue = Optional.empty();
    private InvoiceStatus status = InvoiceStatus.OPEN;
    private final List<PaymentApplied> payments = new ArrayList<>();
    private boolean lateFeeInvoice;

    public static TestInvoices invoice() {
        return new TestInvoices();
    }

    public TestInvoices id(String id) {
        this.invoiceId = id;
        return this;
    }

    public TestInvoices customer(String id) {
        this.customerId = id;
        return this;
    }

    public TestInvoices due(LocalDate date) {
        this.dueDate = Optional.of(date);
        return this;
    }

    public TestInvoices withoutDueDate() {
        this.dueDate = Optional.empty();
        return this;
    }

    public TestInvoices total(String amount, String currency) {
        this.total = Money.of(amount, currency);
        return this;
    }

    /** A payment (or credit) applied on a date; the amount due follows unless set explicitly. */
    public TestInvoices paid(LocalDate on, String amount) {
        payments.add(new PaymentApplied(on, Money.of(new BigDecimal(amount), total.currency())));
        return this;
    }

    public TestInvoices amountDue(String amount) {
        this.amountDue = Optional.of(Money.of(new BigDecimal(amount), total.currency()));
        return this;
    }

    public TestInvoices status(InvoiceStatus status) {
        this.status = status;
        return this;
    }

    public TestInvoices lateFeeInvoice() {
        this.lateFeeInvoice = true;
        return this;
    }

    public InvoiceSnapshot build() {
        Money due = amountDue.orElseGet(() -> payments.stream().map(PaymentApplied::amount).reduce(total, Money::minus));
        return new InvoiceSnapshot("org-1", invoiceId, "INV-0001", customerId, "Acme Ltd", LocalDate.of(2025, 12, 2),
                dueDate, total, due, status, payments, lateFeeInvoice);
    }
}
