package dev.arrears.application.cycle;

import dev.arrears.application.DunningStateStore;
import dev.arrears.application.OutboxEntry;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.util.Objects;
import java.util.Optional;

/**
 * A stage's reminder that waited (send window, minimum gap, contact cap, a retry) must not go out
 * once the invoice has moved on to another stage: otherwise the customer would get the heads-up, the
 * overdue notice and the firmer reminder in one burst when the window opens. Only the stage the
 * invoice is in now is sent, as the catch-up rule says; the earlier one is cancelled with the reason.
 * Reminders outside the ladder (payment plans, thank-you notes) are left alone.
 */
public final class SupersededReminderGuard implements ChaseGuard {

    private static final String LADDER_KEY_PART = ":stage:";

    private final DunningStateStore states;

    public SupersededReminderGuard(DunningStateStore states) {
        this.states = Objects.requireNonNull(states, "states");
    }

    @Override
    public Optional<String> blocks(InvoiceSnapshot invoice) {
        return Optional.empty();
    }

    @Override
    public Optional<String> blocks(InvoiceSnapshot invoice, OutboxEntry entry) {
        if (!(entry.action() instanceof PlannedAction.SendReminder reminder)
                || !reminder.key().value().contains(LADDER_KEY_PART)) {
            return Optional.empty();
        }
        Optional<String> current = states.load(entry.invoice()).flatMap(stored -> stored.state().stage());
        if (current.isEmpty() || current.get().equals(reminder.stage())) {
            return Optional.empty();
        }
        return Optional.of("superseded: the invoice has moved on from '" + reminder.stage() + "' to '" + current.get()
                + "' since this reminder was planned; only the stage it is in now is sent (catch-up rule)");
    }
}
