package dev.arrears.application.escalation;

import dev.arrears.domain.dunning.FeeApplication;
import java.util.Objects;

/** A late fee or interest charge already raised on an invoice (input to the documents). */
public record FeeCharged(String invoiceId, FeeApplication fee) {
    public FeeCharged {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(fee, "fee");
    }
}
