package dev.arrears.domain.policy;

import java.util.Objects;

/** What a stage asks for when an invoice reaches it. */
public sealed interface ActionSpec {

    /** Have the ledger send its invoice email, with the named template's wording in the note. */
    record SendReminder(String template) implements ActionSpec {
        public SendReminder {
            Objects.requireNonNull(template, "template");
        }
    }

    /** Record a note on the invoice in the ledger (history / attachable note); the customer sees nothing. */
    record AddNote(String text) implements ActionSpec {
        public AddNote {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Charge the policy's late fee rule with this id (raised as a separate invoice). */
    record ChargeLateFee(String ruleId) implements ActionSpec {
        public ChargeLateFee {
            Objects.requireNonNull(ruleId, "ruleId");
        }
    }

    /** Put the invoice in front of a person, with the reason they should look at it. */
    record FlagForPerson(String reason) implements ActionSpec {
        public FlagForPerson {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
