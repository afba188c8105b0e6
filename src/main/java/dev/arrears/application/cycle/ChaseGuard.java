package dev.arrears.application.cycle;

import dev.arrears.application.OutboxEntry;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.util.Optional;

/**
 * A reason not to write about an invoice right now although the ledger says it is owed: a hold, a
 * dispute, a promise to pay. Asked right before every write with the freshly re-read invoice; the
 * collections rules provide implementations as CDI beans (none is required: with none, nothing is
 * held). An answer cancels the action, with the reason in the audit trail.
 */
@FunctionalInterface
public interface ChaseGuard {

    /** Empty when writing is fine; otherwise why not, in words an accountant can read. */
    Optional<String> blocks(InvoiceSnapshot invoice);

    /** The same question about one particular action; by default only the invoice matters. */
    default Optional<String> blocks(InvoiceSnapshot invoice, OutboxEntry entry) {
        return blocks(invoice);
    }
}
