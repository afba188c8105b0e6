package dev.arrears.application.ledger;

import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.FeeApplication;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.util.Objects;
import java.util.Optional;

/** A write into the ledger, built by the dispatcher from an outbox action. */
public sealed interface LedgerWrite {

    /** The outbox key: the provider's idempotency key, and the trace that finds an earlier attempt. */
    ActionKey key();

    /** The invoice the write is about (as freshly re-read before the write). */
    InvoiceSnapshot invoice();

    /**
     * Have the ledger send the invoice to the customer, and record a note on the invoice that names
     * the stage and carries the key.
     *
     * @param recipient an address the accountant set; empty = the ledger's own contact address
     */
    record Reminder(ActionKey key, InvoiceSnapshot invoice, String stage, String template, String noteText,
                    Optional<String> recipient) implements LedgerWrite {
        public Reminder {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(invoice, "invoice");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(noteText, "noteText");
            Objects.requireNonNull(recipient, "recipient");
        }
    }

    /** Record a note on the invoice; the customer sees nothing. */
    record Note(ActionKey key, InvoiceSnapshot invoice, String stage, String text) implements LedgerWrite {
        public Note {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(invoice, "invoice");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Raise a late fee as a new sales invoice to the same customer in the same currency, with one
     * line stating the computation, the key in its reference, and a note on the original invoice.
     */
    record LateFee(ActionKey key, InvoiceSnapshot invoice, String stage, FeeApplication fee) implements LedgerWrite {
        public LateFee {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(invoice, "invoice");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(fee, "fee");
            if (!fee.amount().currency().equals(invoice.currency())) {
                throw new IllegalArgumentException("a late fee in " + fee.amount().currency() + " on an invoice in "
                        + invoice.currency() + " is refused");
            }
        }

        /** The fee line's description, as the customer will read it. */
        public String lineDescription() {
            String number = invoice.number() == null || invoice.number().isBlank() ? invoice.invoiceId() : invoice.number();
            return "Late fee on " + number + " (" + fee.ruleId() + ", period " + fee.period() + ", " + fee.computation() + ")";
        }
    }
}
