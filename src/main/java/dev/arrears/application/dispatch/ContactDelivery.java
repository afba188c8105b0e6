package dev.arrears.application.dispatch;

/** How the messages of one customer contact go out. */
public enum ContactDelivery {
    /** One message per currency lists every invoice (a statement, or a combined email). */
    COMBINED,
    /**
     * The channel sends one invoice per call (Xero and QuickBooks email one invoice at a time): one
     * send per invoice, made together, and counted as one contact for the send rules.
     */
    ONE_PER_INVOICE
}
