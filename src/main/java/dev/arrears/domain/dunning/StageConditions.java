package dev.arrears.domain.dunning;

import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.policy.Stage;
import dev.arrears.domain.policy.StageCondition;
import java.util.Optional;

/** Whether a stage's conditions hold for an invoice, and if not, why in words. */
final class StageConditions {

    private StageConditions() {
    }

    /** Empty when every condition holds; otherwise the first that does not. */
    static Optional<String> whyNot(Stage stage, InvoiceSnapshot invoice) {
        for (StageCondition condition : stage.conditions()) {
            Optional<String> failure = switch (condition) {
                case StageCondition.MinimumAmountDue minimum -> belowMinimum(minimum, invoice);
            };
            if (failure.isPresent()) {
                return failure;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> belowMinimum(StageCondition.MinimumAmountDue minimum, InvoiceSnapshot invoice) {
        if (minimum.currency().isPresent() && !minimum.currency().get().equals(invoice.currency())) {
            return Optional.empty();
        }
        if (invoice.amountDue().amount().compareTo(minimum.amount()) >= 0) {
            return Optional.empty();
        }
        return Optional.of("amount due " + invoice.amountDue() + " is below the minimum of " + minimum.amount().toPlainString()
                + minimum.currency().map(c -> " " + c.getCurrencyCode()).orElse(""));
    }
}
