package dev.arrears.application;

/**
 * The stored dunning state changed since it was read (another replica decided in between, after a
 * lost lease). Nothing of the write was kept; decide again from a fresh read.
 */
public class StaleStateException extends RuntimeException {

    private final InvoiceRef invoice;

    public StaleStateException(InvoiceRef invoice, long basedOnVersion) {
        super("the dunning state of invoice " + invoice + " is no longer at version " + basedOnVersion
                + "; it was changed by someone else; decide again");
        this.invoice = invoice;
    }

    public InvoiceRef invoice() {
        return invoice;
    }
}
