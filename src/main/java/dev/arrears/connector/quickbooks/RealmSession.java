package dev.arrears.connector.quickbooks;

import dev.arrears.application.LedgerConnection;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.ledger.LedgerProfile;

/**
 * One gateway call's view of a realm: who it is, the access token in use and how many requests
 * were sent (token refreshes included). Not shared between threads.
 */
final class RealmSession {

    private final LedgerConnection connection;
    private final LedgerProfile profile;
    private String accessToken;
    private int calls;

    RealmSession(LedgerConnection connection, LedgerProfile profile, String accessToken, int calls) {
        this.connection = connection;
        this.profile = profile;
        this.accessToken = accessToken;
        this.calls = calls;
    }

    OrganisationId organisation() {
        return connection.organisationId();
    }

    String realmId() {
        return connection.tenantId();
    }

    LedgerConnection connection() {
        return connection;
    }

    LedgerProfile profile() {
        return profile;
    }

    String accessToken() {
        return accessToken;
    }

    void useToken(String token) {
        this.accessToken = token;
    }

    void counted() {
        calls++;
    }

    int calls() {
        return calls;
    }

    @Override
    public String toString() {
        return "RealmSession[organisation=" + organisation() + ", realm=" + realmId() + ", calls=" + calls + "]";
    }
}
