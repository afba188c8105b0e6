package dev.arrears.sandbox;

import static dev.arrears.sandbox.SandboxClient.enc;
import static dev.arrears.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Token endpoints as NOTES §9 (Xero) and §10 (QuickBooks) describe them, rotation included. */
class SandboxOAuthTest {

    private final SandboxFixture f = new SandboxFixture();
    private final SandboxClient c = f.client;

    @AfterEach
    void stop() {
        f.close();
    }

    private String code(String authorizePath, String query) {
        HttpResponse<String> r = c.send("GET", authorizePath + "?" + query, null);
        assertThat(r.statusCode()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://localhost/cb?code=").contains("&state=s-1");
        return location.replaceAll(".*code=([^&]+).*", "$1");
    }

    @Test
    void xeroCodeFlowGivesAJwtWithTheAuthEventAndConnectionsFilterOnIt() throws Exception {
        String code = code("/xero/login/identity/connect/authorize", "response_type=code&client_id=arrears-sandbox-xero"
                + "&redirect_uri=" + enc("http://localhost/cb") + "&scope=" + enc("openid offline_access accounting.invoices")
                + "&state=s-1");
        HttpResponse<String> r = c.tokenRequest(Provider.XERO, "grant_type=authorization_code&code=" + code
                + "&redirect_uri=" + enc("http://localhost/cb"));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode t = json(r);
        assertThat(t.get("expires_in").asInt()).isEqualTo(1800);
        assertThat(t.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(t.has("id_token")).isTrue();
        String payload = new String(Base64.getUrlDecoder().decode(t.get("access_token").asText().split("\\.")[1]), StandardCharsets.UTF_8);
        String authEvent = SandboxClient.JSON.readTree(payload).get("authentication_event_id").asText();

        HttpResponse<String> conns = c.send("GET", "/xero/api/connections?authEventId=" + authEvent, null,
                "Authorization", "Bearer " + t.get("access_token").asText());
        assertThat(conns.statusCode()).isEqualTo(200);
        assertThat(json(conns)).hasSize(4);
        assertThat(json(conns).get(0).get("authEventId").asText()).isEqualTo(authEvent);
        assertThat(json(c.send("GET", "/xero/api/connections?authEventId=" + java.util.UUID.randomUUID(), null,
                "Authorization", "Bearer " + t.get("access_token").asText()))).isEmpty();

        // A code is single-use.
        assertThat(c.tokenRequest(Provider.XERO, "grant_type=authorization_code&code=" + code
                + "&redirect_uri=" + enc("http://localhost/cb")).body()).isEqualTo("{\"error\":\"invalid_grant\"}");
    }

    @Test
    void xeroRefreshRotatesAndTheOldTokenKeepsWorkingForThirtyMinutes() {
        String rt0 = f.client.grant(f.xeroOrgs.get(0)).get("refresh_token").asText();
        JsonNode first = json(c.tokenRequest(Provider.XERO, "grant_type=refresh_token&refresh_token=" + rt0));
        String rt1 = first.get("refresh_token").asText();
        assertThat(rt1).isNotEqualTo(rt0);

        f.clock.advance(Duration.ofMinutes(29));
        HttpResponse<String> retry = c.tokenRequest(Provider.XERO, "grant_type=refresh_token&refresh_token=" + rt0);
        assertThat(retry.statusCode()).as("the grace period lets a lost response be retried").isEqualTo(200);

        f.clock.advance(Duration.ofMinutes(2));
        HttpResponse<String> late = c.tokenRequest(Provider.XERO, "grant_type=refresh_token&refresh_token=" + rt0);
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(json(late).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(c.tokenRequest(Provider.XERO, "grant_type=refresh_token&refresh_token=" + rt1).statusCode()).isEqualTo(200);
        assertThat(c.tokenRequest(Provider.XERO, "grant_type=refresh_token&refresh_token=nope").statusCode()).isEqualTo(400);
    }

    @Test
    void xeroAccessTokenExpiresAfterThirtyMinutesOfLedgerTime() {
        String tenant = f.xeroOrgs.get(0);
        String token = f.xeroToken(tenant);
        assertThat(c.xero("GET", "Organisation", tenant, token, null).statusCode()).isEqualTo(200);
        f.clock.advance(Duration.ofMinutes(30));
        HttpResponse<String> r = c.xero("GET", "Organisation", tenant, token, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("Detail").asText()).startsWith("TokenExpired: token expired at ");
    }

    @Test
    void xeroRefusesAMissingOrForeignTenant() {
        String token = f.xeroToken(f.xeroOrgs.get(0));
        assertThat(c.send("GET", "/xero/api/api.xro/2.0/Organisation", null, "Authorization", "Bearer " + token).statusCode()).isEqualTo(403);
        HttpResponse<String> other = c.xero("GET", "Organisation", f.xeroOrgs.get(1), token, null);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(json(other).get("Detail").asText()).isEqualTo("AuthenticationUnsuccessful");
        assertThat(c.send("POST", "/xero/identity/connect/token", "grant_type=refresh_token&refresh_token=x",
                "Authorization", "Basic " + Base64.getEncoder().encodeToString("who:what".getBytes(StandardCharsets.UTF_8)))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void quickBooksCodeFlowNamesTheRealmAndRefreshKeepsTheTokenForADayThenRotatesWithoutGrace() {
        String realm = f.qboOrgs.get(1);
        HttpResponse<String> auth = c.send("GET", "/qbo/appcenter/connect/oauth2?client_id=arrears-sandbox-qbo&response_type=code"
                + "&scope=com.intuit.quickbooks.accounting&redirect_uri=" + enc("http://localhost/cb") + "&state=s-1&sandbox_realm=" + realm, null);
        String location = auth.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("&realmId=" + realm);
        String code = location.replaceAll(".*code=([^&]+).*", "$1");
        JsonNode t = json(c.tokenRequest(Provider.QUICKBOOKS, "grant_type=authorization_code&code=" + code
                + "&redirect_uri=" + enc("http://localhost/cb"), "x-include-refresh-token-hard-expires-in", "true"));
        assertThat(t.get("token_type").asText()).isEqualTo("bearer");
        assertThat(t.get("expires_in").asInt()).isEqualTo(3600);
        assertThat(t.get("x_refresh_token_expires_in").asLong()).isEqualTo(8_726_400L);
        assertThat(t.get("x_refresh_token_hard_expires_in").asLong()).isGreaterThan(157_000_000L);
        String rt0 = t.get("refresh_token").asText();

        f.clock.advance(Duration.ofHours(2));
        JsonNode same = json(c.tokenRequest(Provider.QUICKBOOKS, "grant_type=refresh_token&refresh_token=" + rt0));
        assertThat(same.get("refresh_token").asText()).as("younger than 24 h: same value back").isEqualTo(rt0);
        assertThat(same.has("x_refresh_token_hard_expires_in")).isFalse();

        f.clock.advance(Duration.ofHours(23));
        String rt1 = json(c.tokenRequest(Provider.QUICKBOOKS, "grant_type=refresh_token&refresh_token=" + rt0)).get("refresh_token").asText();
        assertThat(rt1).isNotEqualTo(rt0);
        HttpResponse<String> old = c.tokenRequest(Provider.QUICKBOOKS, "grant_type=refresh_token&refresh_token=" + rt0);
        assertThat(old.statusCode()).isEqualTo(400);
        assertThat(json(old)).isEqualTo(SandboxClient.JSON.valueToTree(
                Map.of("error_description", "Token invalid", "error", "invalid_grant")));

        String access = json(c.tokenRequest(Provider.QUICKBOOKS, "grant_type=refresh_token&refresh_token=" + rt1)).get("access_token").asText();
        assertThat(c.qboQuery(realm, access, "select count(*) from Invoice").statusCode()).isEqualTo(200);
        assertThat(c.qboQuery(f.qboOrgs.get(0), access, "select count(*) from Invoice").statusCode()).isEqualTo(403);
        f.clock.advance(Duration.ofMinutes(61));
        HttpResponse<String> expired = c.qboQuery(realm, access, "select count(*) from Invoice");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(json(expired).at("/fault/error/0/code").asText()).isEqualTo("3200");
        assertThat(expired.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
    }

    @Test
    void revokingAQuickBooksTokenKillsItsAccessTokens() {
        JsonNode g = f.client.grant(f.qboOrgs.get(0));
        HttpResponse<String> r = c.send("POST", "/qbo/developer/v2/oauth2/tokens/revoke",
                "{\"token\":\"" + g.get("refresh_token").asText() + "\"}", "Content-Type", "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(c.qboQuery(f.qboOrgs.get(0), g.get("access_token").asText(), "select * from Invoice").statusCode()).isEqualTo(401);
    }
}
