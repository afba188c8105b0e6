package dev.arrears.application.dispatch;

import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.util.Objects;

/** A reminder action planned for today, with the invoice it is about (whose customer and currency group it). */
public record DueReminder(PlannedAction.SendReminder action, InvoiceSnapshot invoice) {
    public DueReminder {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(invoice, "invoice");
    }
}
