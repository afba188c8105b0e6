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

    public static OrganisationKey of(LedgerConnection connection) {
        return new OrganisationKey(connection.organisationId(), connection.provider(), connection.tenantId());
    }
}
