package dev.arrears.application;

import java.util.Objects;

/**
 * How configuration files name an organisation: by our id, or by its ledger and the ledger's own
 * tenant id (Xero tenant id, QuickBooks realm id), which an accountant can read off the ledger
 * before the organisation is connected.
 */
public record OrganisationKey(OrganisationId id, LedgerProvider provider, String tenantId) {

    public OrganisationKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(tenantId, "tenantId");
    }

    /**
     * The key of a stored organisation; its tenant id is read without opening the connection's sealed
     * tokens, and is empty while it has no connection.
     */
    public static OrganisationKey of(Organisation organisation, ConnectionStore connections) {
        return new OrganisationKey(organisation.id(), organisation.provider(), connections.tenantId(organisation.id()).orElse(""));
    }

    public static OrganisationKey of(LedgerConnection connection) {
        return new OrganisationKey(connection.organisationId(), connection.provider(), connection.tenantId());
    }
}
