package dev.arrears.application.email;

import dev.arrears.application.ledger.LedgerFailure;
import java.util.Objects;

/** The customer's email addresses as the ledger has them right now. */
public sealed interface AddressReading {

    /** What the ledger holds; {@link Recipients#isEmpty()} when the customer has no address there. */
    record Found(Recipients recipients) implements AddressReading {
        public Found {
            Objects.requireNonNull(recipients, "recipients");
        }
    }

    record Failed(LedgerFailure failure) implements AddressReading {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
