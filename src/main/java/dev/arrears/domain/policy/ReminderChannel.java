package dev.arrears.domain.policy;

import java.util.Locale;
import java.util.Optional;

/**
 * The way a reminder reaches the customer. {@code EMAIL}: Arrears sends its own email, worded for
 * the stage, from the organisation's sender profile. {@code LEDGER}: the ledger sends its stock
 * invoice email (Xero {@code /Email}, QuickBooks {@code /send}) and the stage's wording only goes
 * into the note on the invoice.
 */
public enum ReminderChannel {
    EMAIL, LEDGER;

    /** The policy file's spelling ({@code email}, {@code ledger}); empty for anything else. */
    public static Optional<ReminderChannel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "email" -> Optional.of(EMAIL);
            case "ledger" -> Optional.of(LEDGER);
            default -> Optional.empty();
        };
    }

    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }
}
