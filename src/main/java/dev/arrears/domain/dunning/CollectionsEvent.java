package dev.arrears.domain.dunning;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Something the engine noticed that belongs in the customer's history rather than in the outbox:
 * the application stores it on the customer (who breaks promises is worth knowing next time).
 */
public sealed interface CollectionsEvent {

    String customerId();

    String describe();

    record PromiseBroken(String customerId, String invoiceId, String promiseId, LocalDate promisedBy) implements CollectionsEvent {
        public PromiseBroken {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(invoiceId, "invoiceId");
            Objects.requireNonNull(promiseId, "promiseId");
            Objects.requireNonNull(promisedBy, "promisedBy");
        }

        @Override
        public String describe() {
            return "promise " + promiseId + " to pay invoice " + invoiceId + " by " + promisedBy + " was broken";
        }
    }

    record PromiseKept(String customerId, String invoiceId, String promiseId, LocalDate promisedBy) implements CollectionsEvent {
        public PromiseKept {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(invoiceId, "invoiceId");
            Objects.requireNonNull(promiseId, "promiseId");
            Objects.requireNonNull(promisedBy, "promisedBy");
        }

        @Override
        public String describe() {
            return "promise " + promiseId + " to pay invoice " + invoiceId + " by " + promisedBy + " was kept";
        }
    }
}
