package dev.arrears.application.forecast;

import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The subject a reminder's email would have, for the forecast's lines (the email templates, filled
 * for the invoice on the day planned). Empty when the reminder has no email wording.
 */
@FunctionalInterface
public interface ReminderSubjects {

    ReminderSubjects NONE = (reminder, invoice, day) -> Optional.empty();

    Optional<String> subject(PlannedAction.SendReminder reminder, InvoiceSnapshot invoice, LocalDate day);
}
