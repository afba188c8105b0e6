package dev.arrears.application;

/** An operation named an invoice that is not stored (sync it before deciding on it). */
public class UnknownInvoiceException extends RuntimeException {
    public UnknownInvoiceException(InvoiceRef invoice) {
        super("no stored invoice " + invoice);
    }
}
