package dev.arrears.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.ConnectionStatus;
import dev.arrears.application.ConnectionStore;
import dev.arrears.application.LedgerConnection;
import dev.arrears.application.LedgerProvider;
import dev.arrears.sandbox.SandboxLedgers;
import dev.arrears.web.security.TestOperator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * Generated callbacks to both OAuth redirect endpoints, with real consents from the sandbox mixed
 * in: forged, reused and crossed states, codes for one company sent with another's realm id, errors
 * with and without a state, garbage in every parameter. No answer may be a 5xx or carry Java, and a
 * company connected before the run keeps its tokens and stays active throughout.
 */
@QuarkusTest
@WithTestResource(SandboxLedgers.class)
class OAuthCallbackFuzzTest {

    private static final long SEED = 20261207L;
    private static final int CALLBACKS = 400;
    private static final String OPERATOR = "Bearer " + TestOperator.TOKEN;

    @Inject
    ConnectionStore connections;

    private final Random random = new Random(SEED);

    @Test
    void forged_reused_and_crossed_callbacks_get_no_server_error_and_never_touch_a_connected_company() {
        List<String> realms = SandboxLedgers.quickBooksRealms();
        String victim = realms.get(0);
        given().queryParams(quickBooksConsent(victim)).get("/quickbooks/oauth/callback").then().statusCode(200);
        LedgerConnection before = connections.findByTenant(LedgerProvider.QUICKBOOKS, victim).orElseThrow();

        FuzzAnswers answers = new FuzzAnswers(RestAssured.port);
        Map<String, String> spent = quickBooksConsent(victim);
        given().queryParams(spent).get("/quickbooks/oauth/callback").then().statusCode(200);
        before = connections.findByTenant(LedgerProvider.QUICKBOOKS, victim).orElseThrow();
        Map<String, String> xero = SandboxLedgers.consent(xeroAuthorizeUrl());
        for (int i = 0; i < CALLBACKS; i++) {
            boolean quickBooks = random.nextBoolean();
            Map<String, String> query = new LinkedHashMap<>(quickBooks ? spent : xero);
            if (i % 40 == 0) {
                // A fresh, genuine consent for another company: its parts get crossed with the victim's.
                spent = quickBooksConsent(realms.get(1 + random.nextInt(realms.size() - 1)));
                query = new LinkedHashMap<>(spent);
                query.put("realmId", victim);
            }
            mutate(query);
            answers.send("GET", (quickBooks ? "/quickbooks/oauth/callback" : "/xero/callback") + "?" + rawQuery(query), null);
        }
        answers.assertClean();

        LedgerConnection after = connections.findByTenant(LedgerProvider.QUICKBOOKS, victim).orElseThrow();
        assertThat(after.tokens()).isEqualTo(before.tokens());
        assertThat(after.status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    private void mutate(Map<String, String> query) {
        for (String name : List.of("code", "state", "realmId", "error")) {
            switch (random.nextInt(6)) {
                case 0 -> query.remove(name);
                case 1 -> query.put(name, FuzzAnswers.nastyText(random));
                case 2 -> query.put(name, name.equals("error") ? "access_denied" : Long.toString(random.nextLong()));
                default -> {
                    // left as the genuine (or already spent) value
                }
            }
        }
    }

    private static String rawQuery(Map<String, String> query) {
        StringJoiner joined = new StringJoiner("&");
        query.forEach((name, value) -> joined.add(name + "=" + FuzzAnswers.encode(value)));
        return joined.toString();
    }

    private static Map<String, String> quickBooksConsent(String realm) {
        String authorizeUrl = given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("policyId", "default")).post("/admin/quickbooks/authorisations")
                .then().statusCode(200).extract().path("authorizeUrl");
        return SandboxLedgers.consent(authorizeUrl + "&sandbox_realm=" + realm);
    }

    private static String xeroAuthorizeUrl() {
        return given().header("Authorization", OPERATOR).redirects().follow(false)
                .get("/admin/xero/connect").then().statusCode(303).extract().path("authorizeUrl");
    }
}
