package dev.arrears.application;

import java.util.List;

/**
 * Port: where the reminders of one stage of one invoice stand in the outbox, read from the store
 * now (not from memory), so that every replica and a restarted one see the same thing. A stage's
 * late fee and its "sent" note wait for these ({@code StageReminderWait}).
 */
public interface StageReminders {

    /** The invoice's {@code SendReminder} actions planned by the stage named {@code stage}, in any status. */
    List<OutboxEntry> of(InvoiceRef invoice, String stage);
}
