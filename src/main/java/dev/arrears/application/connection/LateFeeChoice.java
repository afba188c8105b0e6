package dev.arrears.application.connection;

import java.util.Objects;
import java.util.Optional;

/**
 * The accountant's choice for late-fee lines: the revenue account, the tax rate and the item, each
 * as the ledger's code (see {@link LedgerOption#code()}). Empty means "none chosen".
 */
public record LateFeeChoice(Optional<String> account, Optional<String> taxRate, Optional<String> item) {

    public static final LateFeeChoice NONE = new LateFeeChoice(Optional.empty(), Optional.empty(), Optional.empty());

    public LateFeeChoice {
        account = blankless(account);
        taxRate = blankless(taxRate);
        item = blankless(item);
    }

    private static Optional<String> blankless(Optional<String> value) {
        return Objects.requireNonNull(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
