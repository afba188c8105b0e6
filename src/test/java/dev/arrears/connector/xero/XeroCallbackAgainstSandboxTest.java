package dev.arrears.connector.xero;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.sandbox.SandboxLedgers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Xero consent flow end to end against the sandbox's Xero identity server. */
@QuarkusTest
@WithTestResource(SandboxLedgers.class)
class XeroCallbackAgainstSandboxTest {

    private static final String OPERATOR = "Bearer test-operator-token-not-a-secret-0001";

    @Test
    void a_refused_consent_uses_up_its_state_so_a_later_code_cannot_complete_it() {
        String authorizeUrl = given().header("Authorization", OPERATOR).redirects().follow(false)
                .get("/admin/xero/connect").then().statusCode(303).extract().path("authorizeUrl");
        Map<String, String> redirect = consent(authorizeUrl);

        String refused = given().queryParam("error", "access_denied<script>").queryParam("state", redirect.get("state"))
                .get("/xero/callback").then().statusCode(400).extract().asString();
        assertThat(refused).contains("did not grant access (an error)").doesNotContain("<script>");

        given().queryParams(redirect).get("/xero/callback").then().statusCode(400);
    }

    /** Lets the sandbox consent at once: the query of its redirect back to Arrears (code and state). */
    static Map<String, String> consent(String authorizeUrl) {
        return SandboxLedgers.consent(authorizeUrl);
    }
}
