package dev.arrears.application.ledger;

import dev.arrears.application.OrganisationId;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** Per-organisation ledger settings kept by the connectors (see {@link OrganisationLedgerSettings}). */
public interface LedgerSettingsStore {

    Optional<OrganisationLedgerSettings> find(OrganisationId organisationId);

    /** Inserts or replaces the settings of one organisation. */
    void save(OrganisationLedgerSettings settings);

    /** The organisations whose connections share the token set of {@code tokenGroup}, in id order. */
    List<OrganisationId> tokenGroupMembers(String tokenGroup);

    /**
     * Brings the organisation's own record in line with what the ledger says of it (a renamed
     * organisation, a changed time zone or base currency), so "today" is worked out in the right zone.
     */
    void updateOrganisationFacts(OrganisationId organisationId, String displayName, ZoneId timeZone, String country,
                                 Currency baseCurrency);
}
