package dev.arrears.connector.quickbooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.ConnectionStatus;
import dev.arrears.application.ConnectionStore;
import dev.arrears.application.LedgerConnection;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OrganisationStore;
import dev.arrears.sandbox.SandboxLedgers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The QuickBooks consent flow end to end against the sandbox's Intuit: authorize, redirect, callback. */
@QuarkusTest
@WithTestResource(SandboxLedgers.class)
class QuickBooksCallbackAgainstSandboxTest {

    private static final String OPERATOR = "Bearer test-operator-token-not-a-secret-0001";

    @Inject
    ConnectionStore connections;
    @Inject
    OrganisationStore organisations;

    @Test
    void a_forged_callback_naming_another_connected_company_leaves_its_tokens_and_mode_untouched() {
        String victim = SandboxLedgers.quickBooksRealms().get(0);
        String attacker = SandboxLedgers.quickBooksRealms().get(1);
        Map<String, String> genuine = consent(victim);
        given().queryParams(genuine).get("/quickbooks/oauth/callback").then().statusCode(200);
        LedgerConnection before = connections.findByTenant(LedgerProvider.QUICKBOOKS, victim).orElseThrow();
        organisations.setMode(before.organisationId(), OrganisationMode.LIVE);

        // A code Intuit issued for the other company, sent back with the victim's realm id.
        Map<String, String> forged = new HashMap<>(consent(attacker));
        forged.put("realmId", victim);
        String answer = given().queryParams(forged).get("/quickbooks/oauth/callback")
                .then().statusCode(400).extract().asString();

        assertThat(answer).contains("do not give access to company " + victim);
        LedgerConnection after = connections.findByTenant(LedgerProvider.QUICKBOOKS, victim).orElseThrow();
        assertThat(after.tokens()).isEqualTo(before.tokens());
        assertThat(after.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(organisations.find(before.organisationId()).orElseThrow().mode()).isEqualTo(OrganisationMode.LIVE);
        assertThat(connections.findByTenant(LedgerProvider.QUICKBOOKS, attacker)).isEmpty();
    }

    /** Starts a consent in Arrears and lets the sandbox consent for {@code realm}: the redirect's query. */
    static Map<String, String> consent(String realm) {
        String authorizeUrl = given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("policyId", "default")).post("/admin/quickbooks/authorisations")
                .then().statusCode(200).extract().path("authorizeUrl");
        Map<String, String> query = SandboxLedgers.consent(authorizeUrl + "&sandbox_realm=" + realm);
        assertThat(query).containsEntry("realmId", realm);
        return query;
    }
}
