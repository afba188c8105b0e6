package dev.arrears.application.ledger;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import java.time.Instant;
import java.util.Optional;

/**
 * What the cycle needs from one ledger provider. Each connector implements it for its provider and
 * keeps every provider quirk (tokens, paging, limits, error codes) behind it. The cycle picks the
 * gateway by {@link #provider()}.
 *
 * <p>Every method takes care of the organisation's access token itself (refreshing it under the
 * connection's row lock when near expiry) and of the provider's rate limits; none of them is called
 * inside a database transaction.
 */
public interface LedgerGateway {

    LedgerProvider provider();

    /**
     * Reads the organisation's settings from the ledger (time zone, base currency, country, whether
     * the ledger's own reminders or late fees are active, whether late fees can be raised) and stores
     * what the rest of Arrears needs. Called on connect and then daily.
     */
    SettingsReport refreshSettings(OrganisationId organisation);

    /**
     * Pulls what changed since the stored cursor and stores it page by page through the invoice
     * store, each page with its cursor in one short transaction; decides itself when a full rescan
     * is due. Stops at the first failure and says so; what was stored stays stored.
     */
    SyncReport sync(OrganisationId organisation);

    /** Reads one invoice fresh from the ledger, right before a write, so that payments win every race. */
    InvoiceReading reread(OrganisationId organisation, String providerInvoiceId);

    /**
     * Looks in the ledger for the trace of an earlier attempt at this write whose outcome is unknown
     * (for a late fee: an invoice carrying the action key in its reference).
     *
     * @param firstWriteAt when the first attempt at this write began, when known: a delivery the
     *                     ledger records from then on is this write's, and a provider's idempotency
     *                     window is counted from it
     */
    Evidence findEvidence(OrganisationId organisation, LedgerWrite write, Optional<Instant> firstWriteAt);

    /** Carries out one write, sending the action key as the provider's idempotency key. */
    WriteOutcome write(OrganisationId organisation, LedgerWrite write);
}
