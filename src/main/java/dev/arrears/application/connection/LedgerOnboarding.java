package dev.arrears.application.connection;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.ledger.ConsentOrigin;
import dev.arrears.application.ledger.SettingsReport;
import java.util.Optional;

/**
 * What {@link LedgerConnections} needs from one ledger provider to bring organisations in and let
 * them go: each connector implements it for its provider (the consent servers, revocation and the
 * ledger's lists of accounts, tax rates and items are provider quirks). Refusals the accountant can
 * act on are thrown as {@link ConnectionRefusedException}; none of the methods runs inside a
 * database transaction.
 */
public interface LedgerOnboarding {

    LedgerProvider provider();

    /**
     * Remembers a new consent (its state, usable once) and says where to send the browser.
     *
     * @param policyId    the policy new organisations are chased under; empty = the provider's default
     * @param displayName a name for the organisation until the ledger's own is read, where the provider needs one
     */
    ConsentStart startConsent(Optional<String> policyId, Optional<String> displayName, ConsentOrigin origin);

    /**
     * Gives the organisation's access back at the provider (Xero: revokes the refresh token, or
     * deletes only this organisation's connection when others share the consent; Intuit: revokes
     * the token). A connection whose tokens were already refused is not asked for anything.
     */
    void revoke(OrganisationId organisation);

    /** The ledger's accounts, tax rates and items a late-fee line may use, and what is chosen now. */
    LateFeeOptions lateFeeOptions(OrganisationId organisation);

    /** Saves the accountant's late-fee choice and checks it against the ledger at once. */
    SettingsReport chooseLateFee(OrganisationId organisation, LateFeeChoice choice);
}
