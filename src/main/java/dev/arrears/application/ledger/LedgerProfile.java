package dev.arrears.application.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A connected company's connector settings: the accountant's choices, what the ledger last said,
 * and until when the provider asked us to leave it alone.
 */
public record LedgerProfile(LedgerChoices choices, Optional<LedgerFacts> facts, Optional<Instant> backoffUntil) {

    public static final LedgerProfile EMPTY = new LedgerProfile(LedgerChoices.NONE, Optional.empty(), Optional.empty());

    public LedgerProfile {
        Objects.requireNonNull(choices, "choices");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(backoffUntil, "backoffUntil");
    }
}
