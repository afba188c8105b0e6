package dev.arrears.application;

import java.util.List;

/** The append-only record of what Arrears decided and did, and why. */
public interface AuditTrail {

    /** Appends an event, joining the caller's transaction when there is one. */
    AuditRecord append(AuditEvent event);

    /** Appends the events in this order, in one transaction (joining the caller's when there is one). */
    void appendAll(List<AuditEvent> events);

    /** The events about one invoice, newest first, at most {@code limit}. */
    List<AuditRecord> byInvoice(InvoiceRef invoice, int limit);

    /** The events about one customer of an organisation, newest first, at most {@code limit}. */
    List<AuditRecord> byCustomer(OrganisationId organisationId, String customerId, int limit);
}
