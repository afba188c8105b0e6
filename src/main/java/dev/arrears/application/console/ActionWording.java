package dev.arrears.application.console;

import dev.arrears.domain.dunning.PlannedAction;

/** What a planned action does, in the words the console shows an accountant. */
public final class ActionWording {

    private ActionWording() {
    }

    public static String of(PlannedAction action) {
        return switch (action) {
            case PlannedAction.SendReminder r -> "Send the reminder '" + r.template() + "'";
            case PlannedAction.AddNote n -> "Note on the invoice: " + n.text();
            case PlannedAction.ChargeLateFee f -> "Charge a late fee of " + f.fee().amount() + " (" + f.fee().computation() + ")";
            case PlannedAction.FlagForPerson p -> "Ask a person: " + p.reason();
        };
    }

    public static String kind(PlannedAction action) {
        return switch (action) {
            case PlannedAction.SendReminder r -> "Reminder";
            case PlannedAction.AddNote n -> "Note";
            case PlannedAction.ChargeLateFee f -> "Late fee";
            case PlannedAction.FlagForPerson p -> "Flag";
        };
    }
}
