package dev.arrears.application.cycle;

import dev.arrears.application.OrganisationId;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.util.List;

/**
 * Invoices that are settled in the mirror (paid, voided, deleted, nothing due) while their dunning
 * state still says they are being chased. {@code InvoiceStore.loadOpen} never returns the paid,
 * voided or deleted ones, so without this the engine would never move them to LEFT; it does return
 * an OPEN invoice with nothing due, which is therefore in both lists (the decide step takes it once).
 */
public interface LeavingInvoices {

    List<InvoiceSnapshot> settledStillInDunning(OrganisationId organisation);
}
