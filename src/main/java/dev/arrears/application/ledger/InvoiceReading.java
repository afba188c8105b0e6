package dev.arrears.application.ledger;

import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.util.Objects;

/** An invoice as the ledger shows it right now. */
public sealed interface InvoiceReading {

    /** The ledger has it; the snapshot says whether it is still owed. */
    record Found(InvoiceSnapshot invoice) implements InvoiceReading {
        public Found {
            Objects.requireNonNull(invoice, "invoice");
        }
    }

    /** Deleted or no longer visible: nothing may be written about it. */
    record Gone(String reason) implements InvoiceReading {
        public Gone {
            Objects.requireNonNull(reason, "reason");
        }
    }

    record Failed(LedgerFailure failure) implements InvoiceReading {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
