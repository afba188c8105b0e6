package dev.arrears.application.ledger;

import dev.arrears.application.OrganisationId;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Per-organisation ledger settings kept by the connectors (see {@link OrganisationLedgerSettings}). */
public interface LedgerSettingsStore {

    Optional<OrganisationLedgerSettings> find(OrganisationId organisationId);

    /** Inserts or replaces the settings of one organisation. */
    void save(OrganisationLedgerSettings settings);

    /**
     * Changes the stored settings of one organisation as one step: {@code change} is applied to the
     * row as it is now, with the row locked, so two writers (a cycle's settings check and an
     * accountant's choice, say) never overwrite each other's fields with what they read earlier.
     *
     * @return the settings as stored afterwards; empty when the organisation has none
     */
    Optional<OrganisationLedgerSettings> update(OrganisationId organisationId, UnaryOperator<OrganisationLedgerSettings> change);

    /** The organisations whose connections share the token set of {@code tokenGroup}, in id order. */
    List<OrganisationId> tokenGroupMembers(String tokenGroup);

    /**
     * Brings the organisation's own record in line with what the ledger says of it (a renamed
     * organisation, a changed time zone or base currency), so "today" is worked out in the right zone.
     */
    void updateOrganisationFacts(OrganisationId organisationId, String displayName, ZoneId timeZone, String country,
                                 Currency baseCurrency);
}
