package dev.arrears.application.ledger;

import dev.arrears.application.OrganisationId;
import java.time.Instant;

/** Connector settings per connected company (see {@link LedgerProfile}). */
public interface LedgerProfileStore {

    /** The profile; {@link LedgerProfile#EMPTY} when nothing was stored yet. */
    LedgerProfile find(OrganisationId organisation);

    void saveChoices(OrganisationId organisation, LedgerChoices choices);

    /**
     * Stores what the ledger said and, in the same transaction, the organisation's name, time zone,
     * country and base currency, so "today" and "overdue" follow the ledger.
     */
    void saveFacts(OrganisationId organisation, LedgerFacts facts);

    /** Nothing may be sent to this company's ledger before {@code until} (a later back-off wins). */
    void backOff(OrganisationId organisation, Instant until, String reason);
}
