package dev.arrears.domain.collections;

import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.util.Objects;

/** What a hold stops: a whole organisation, one customer, or one invoice. */
public sealed interface HoldScope {

    boolean covers(InvoiceSnapshot invoice);

    /** "organisation", "customer C-ACME", "invoice INV-0042": for reasons and the audit trail. */
    String describe();

    /** Every invoice of the organisation (a firm pausing a client company during an audit, a merger...). */
    record WholeOrganisation() implements HoldScope {
        @Override
        public boolean covers(InvoiceSnapshot invoice) {
            return true;
        }

        @Override
        public String describe() {
            return "organisation";
        }
    }

    record Customer(String customerId) implements HoldScope {
        public Customer {
            Objects.requireNonNull(customerId, "customerId");
        }

        @Override
        public boolean covers(InvoiceSnapshot invoice) {
            return invoice.customerId().equals(customerId);
        }

        @Override
        public String describe() {
            return "customer " + customerId;
        }
    }

    record Invoice(String invoiceId) implements HoldScope {
        public Invoice {
            Objects.requireNonNull(invoiceId, "invoiceId");
        }

        @Override
        public boolean covers(InvoiceSnapshot invoice) {
            return invoice.invoiceId().equals(invoiceId);
        }

        @Override
        public String describe() {
            return "invoice " + invoiceId;
        }
    }
}
