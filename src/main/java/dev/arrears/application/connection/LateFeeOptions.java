package dev.arrears.application.connection;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the ledger offers for late-fee lines, or why it could not be read. */
public sealed interface LateFeeOptions {

    /**
     * @param taxRateNote where the provider falls back on something else when no tax rate is chosen
     *                    (QuickBooks: a setting), the sentence that says so, shown beside the tax-rate list
     */
    record Listed(List<LedgerOption> accounts, List<LedgerOption> taxRates, List<LedgerOption> items,
                  LateFeeChoice chosen, Optional<String> taxRateNote) implements LateFeeOptions {
        public Listed {
            accounts = List.copyOf(accounts);
            taxRates = List.copyOf(taxRates);
            items = List.copyOf(items);
            Objects.requireNonNull(chosen, "chosen");
            Objects.requireNonNull(taxRateNote, "taxRateNote");
        }
    }

    /** The ledger did not answer or refused; {@code reason} says what to do. */
    record Unavailable(String reason) implements LateFeeOptions {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
