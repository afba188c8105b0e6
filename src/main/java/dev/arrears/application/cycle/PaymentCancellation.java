package dev.arrears.application.cycle;

import dev.arrears.application.InvoiceRef;
import dev.arrears.application.Outbox;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import java.util.Locale;

/** Whoever sees an invoice settled cancels all its pending actions at once: payments win every race. */
final class PaymentCancellation {

    private final Outbox outbox;

    PaymentCancellation(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Cancels the invoice's other pending actions (the claimed one is settled by its dispatcher). */
    void cancelOthers(InvoiceRef invoice, String reason) {
        outbox.cancelPendingFor(invoice, reason);
    }

    static String settledInWords(InvoiceSnapshot invoice) {
        return invoice.status() == InvoiceStatus.OPEN || invoice.status() == InvoiceStatus.DRAFT
                ? "fully paid (nothing due)" : invoice.status().name().toLowerCase(Locale.ROOT);
    }
}
