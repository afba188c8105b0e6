package dev.arrears.domain.invoice;

/** Provider-neutral life-cycle of a sales invoice, as far as chasing is concerned. */
public enum InvoiceStatus {
    /** Not yet sent to the customer (Xero DRAFT/SUBMITTED); never chased. */
    DRAFT,
    /** Approved and owed (Xero AUTHORISED, QuickBooks with a balance). */
    OPEN,
    PAID,
    VOIDED,
    DELETED;

    public boolean isClosed() {
        return this == PAID || this == VOIDED || this == DELETED;
    }
}
