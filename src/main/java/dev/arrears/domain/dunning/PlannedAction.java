package dev.arrears.domain.dunning;

import java.util.Objects;

/** Something the engine wants done in the ledger or by a person, identified by its key. */
public sealed interface PlannedAction {

    ActionKey key();

    /** The stage that planned it, or a purpose word for actions outside the ladder. */
    String stage();

    record SendReminder(ActionKey key, String stage, String template) implements PlannedAction {
        public SendReminder {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(template, "template");
        }
    }

    record AddNote(ActionKey key, String stage, String text) implements PlannedAction {
        public AddNote {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(text, "text");
        }
    }

    record ChargeLateFee(ActionKey key, String stage, FeeApplication fee) implements PlannedAction {
        public ChargeLateFee {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(fee, "fee");
        }
    }

    record FlagForPerson(ActionKey key, String stage, String reason) implements PlannedAction {
        public FlagForPerson {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
