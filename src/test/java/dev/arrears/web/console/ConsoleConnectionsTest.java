package dev.arrears.web.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.arrears.application.ConnectionStatus;
import dev.arrears.application.ConnectionStore;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.console.ConsoleAccounts;
import dev.arrears.application.console.ConsoleRole;
import dev.arrears.application.console.ConsoleUser;
import dev.arrears.application.ledger.LedgerProfileStore;
import dev.arrears.application.ledger.LedgerSettingsStore;
import dev.arrears.application.ledger.OrganisationLedgerSettings;
import dev.arrears.sandbox.SandboxLedgers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Connections page over HTTP, against the sandbox's consent servers: a firm admin connects,
 * chooses the late-fee codes from the ledger's lists and disconnects; nobody else may do any of it.
 */
@QuarkusTest
@WithTestResource(SandboxLedgers.class)
class ConsoleConnectionsTest {

    private static final String PASSWORD = "correct horse battery";

    @Inject
    ConsoleAccounts accounts;
    @Inject
    OrganisationStore organisations;
    @Inject
    ConnectionStore connections;
    @Inject
    LedgerSettingsStore ledgerSettings;
    @Inject
    LedgerProfileStore profiles;
    @Inject
    EntityManager em;

    String suffix;
    ConsoleUser admin;

    @BeforeEach
    void anAdmin() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        admin = ConsoleClient.user(accounts, "admin-" + suffix, "Admin " + suffix, ConsoleRole.FIRM_ADMIN, PASSWORD);
    }

    @Test
    void a_firm_admin_connects_xero_through_the_consent_redirect_and_comes_back_to_the_page_with_the_organisation() {
        ConsoleClient client = ConsoleClient.signedIn(admin.username(), PASSWORD);
        client.get("/console").then().statusCode(200).body(containsString("href=\"/console/connections\""));
        client.get("/console/connections").then().statusCode(200).body(containsString("Connect Xero"))
                .body(containsString("Connect QuickBooks"));

        List<OrganisationId> connected = connectXero(client);

        assertThat(connected).isNotEmpty();
        String name = html(organisations.find(connected.getFirst()).orElseThrow().displayName());
        String page = client.get("/console/connections?connected=" + connected.getFirst()).then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("Connected: " + name).contains(admin.username());
        assertThat(connections.find(connected.getFirst()).orElseThrow().status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void a_refused_consent_brings_the_browser_back_to_the_page_with_the_reason() {
        ConsoleClient client = ConsoleClient.signedIn(admin.username(), PASSWORD);
        String authorize = client.post("/console/connections/xero").then().statusCode(303).extract().header("Location");
        Map<String, String> redirect = SandboxLedgers.consent(authorize);

        String back = onwards(given().redirects().follow(false).queryParam("error", "access_denied")
                .queryParam("state", redirect.get("state")).get("/xero/callback"));
        assertThat(back).startsWith("/console/connections?failed=");
        // The address as the page's refresh gives it to the browser, already encoded.
        client.request().urlEncodingEnabled(false).get(back).then().statusCode(200)
                .body(containsString("Nothing was connected: Xero did not grant access"));
    }

    @Test
    void the_late_fee_codes_are_chosen_from_the_ledger_lists_and_saved_for_the_next_cycle() {
        ConsoleClient client = ConsoleClient.signedIn(admin.username(), PASSWORD);
        OrganisationId organisation = connectXero(client).getFirst();

        String form = client.get("/console/connections/" + organisation + "/late-fees").then().statusCode(200)
                .extract().asString();
        // Revenue accounts only (no bank account), Xero's tax types and items.
        assertThat(form).contains("value=\"260\"").doesNotContain("value=\"090\"").contains("value=\"NONE\"")
                .contains("value=\"LATEFEE\"");

        client.post("/console/connections/" + organisation + "/late-fees", "account", "260", "taxRate", "NONE",
                "item", "LATEFEE").then().statusCode(200).body(containsString("Saved and checked against the ledger"));

        OrganisationLedgerSettings saved = ledgerSettings.find(organisation).orElseThrow();
        assertThat(saved.lateFeeAccountCode()).contains("260");
        assertThat(saved.lateFeeTaxType()).contains("NONE");
        assertThat(saved.lateFeeItemCode()).contains("LATEFEE");
        assertThat(saved.lateFeesBlockedBecause()).isEmpty();
    }

    @Test
    void disconnecting_asks_first_then_revokes_destroys_the_tokens_stops_the_cycles_and_keeps_the_organisation() {
        ConsoleClient client = ConsoleClient.signedIn(admin.username(), PASSWORD);
        OrganisationId organisation = connectXero(client).getFirst();
        String refreshBefore = connections.find(organisation).orElseThrow().tokens().refreshToken();
        assertThat(refreshBefore).isNotEmpty();

        client.get("/console/connections/" + organisation + "/disconnect").then().statusCode(200)
                .body(containsString("Disconnect " + html(organisations.find(organisation).orElseThrow().displayName()) + "?"));
        assertThat(connections.find(organisation).orElseThrow().status()).isEqualTo(ConnectionStatus.ACTIVE);

        client.post("/console/connections/" + organisation + "/disconnect").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/console/connections?disconnected=" + organisation));

        assertThat(connections.find(organisation).orElseThrow().status()).isEqualTo(ConnectionStatus.REVOKED);
        assertThat(connections.find(organisation).orElseThrow().tokens().refreshToken()).isEmpty();
        assertThat(organisations.find(organisation).orElseThrow().mode()).isEqualTo(OrganisationMode.PAUSED);
        client.get("/console/connections?disconnected=" + organisation).then().statusCode(200)
                .body(containsString("Disconnected ")).body(containsString("disconnected by " + admin.username()));
        Number audited = (Number) em.createNativeQuery("select count(*) from audit_event where organisation_id = :o "
                        + "and kind = 'CONSOLE_ACTION' and detail->>'action' = 'disconnect' and detail->>'user' = :u")
                .setParameter("o", organisation.value()).setParameter("u", admin.username()).getSingleResult();
        assertThat(audited.intValue()).isEqualTo(1);

        // The ledger's lists cannot be read without a connection: a message on the page, not a server error.
        client.get("/console/connections/" + organisation + "/late-fees").then().statusCode(200)
                .body(containsString("could not be read"));

        // Reconnecting goes through the consent again and brings the same organisation back, in preview.
        String authorize = client.post("/console/connections/" + organisation + "/reconnect").then().statusCode(303)
                .extract().header("Location");
        List<OrganisationId> back = callback(SandboxLedgers.consent(authorize));
        assertThat(back).contains(organisation);
        assertThat(connections.find(organisation).orElseThrow().status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(organisations.find(organisation).orElseThrow().mode()).isEqualTo(OrganisationMode.PREVIEW);
    }

    @Test
    void accountants_and_viewers_get_403_on_the_page_and_on_every_form_and_nothing_changes() {
        OrganisationId organisation = connectXero(ConsoleClient.signedIn(admin.username(), PASSWORD)).getFirst();
        for (ConsoleRole role : List.of(ConsoleRole.ACCOUNTANT, ConsoleRole.VIEWER)) {
            ConsoleUser user = ConsoleClient.user(accounts, role.name().toLowerCase() + "-" + suffix, "User", role, PASSWORD,
                    organisation);
            ConsoleClient client = ConsoleClient.signedIn(user.username(), PASSWORD);
            client.get("/console").then().statusCode(200).body(org.hamcrest.Matchers.not(containsString("/console/connections")));
            client.get("/console/connections").then().statusCode(403);
            client.get("/console/connections/" + organisation + "/late-fees").then().statusCode(403);
            client.get("/console/connections/" + organisation + "/disconnect").then().statusCode(403);
            client.post("/console/connections/xero").then().statusCode(403);
            client.post("/console/connections/quickbooks").then().statusCode(403);
            client.post("/console/connections/" + organisation + "/reconnect").then().statusCode(403);
            client.post("/console/connections/" + organisation + "/late-fees", "account", "200").then().statusCode(403);
            client.post("/console/connections/" + organisation + "/disconnect").then().statusCode(403);
        }
        assertThat(connections.find(organisation).orElseThrow().status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void a_form_posted_without_its_csrf_token_is_refused() {
        ConsoleClient client = ConsoleClient.signedIn(admin.username(), PASSWORD);
        OrganisationId organisation = connectXero(client).getFirst();
        client.request().post("/console/connections/" + organisation + "/disconnect").then().statusCode(403);
        client.request().post("/console/connections/xero").then().statusCode(403);
        assertThat(connections.find(organisation).orElseThrow().status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void reconnecting_an_organisation_that_is_connected_is_refused_with_a_message() {
        ConsoleClient client = ConsoleClient.signedIn(admin.username(), PASSWORD);
        OrganisationId organisation = connectXero(client).getFirst();
        client.post("/console/connections/" + organisation + "/reconnect").then().statusCode(409)
                .body(containsString("nothing to reconnect"));
    }

    @Test
    void a_quickbooks_consent_started_on_the_page_comes_back_to_it() {
        ConsoleClient client = ConsoleClient.signedIn(admin.username(), PASSWORD);
        String authorize = client.post("/console/connections/quickbooks").then().statusCode(303).extract().header("Location");
        Map<String, String> redirect = SandboxLedgers.consent(authorize);
        String back = onwards(given().redirects().follow(false).queryParams(redirect).get("/quickbooks/oauth/callback"));
        List<OrganisationId> ids = ids(back);
        assertThat(ids).hasSize(1);
        assertThat(organisations.find(ids.getFirst()).orElseThrow().provider()).isEqualTo(LedgerProvider.QUICKBOOKS);
        client.get("/console/connections/" + ids.getFirst() + "/late-fees").then().statusCode(200)
                .body(containsString("late-fees.tax-code"));
    }

    @Test
    void a_quickbooks_company_chooses_its_fee_lines_tax_code_from_the_ledger_and_bad_or_unknown_codes_are_refused() {
        ConsoleClient client = ConsoleClient.signedIn(admin.username(), PASSWORD);
        String authorize = client.post("/console/connections/quickbooks").then().statusCode(303).extract().header("Location");
        OrganisationId organisation = ids(onwards(given().redirects().follow(false)
                .queryParams(SandboxLedgers.consent(authorize)).get("/quickbooks/oauth/callback"))).getFirst();
        assertThat(organisations.find(organisation).orElseThrow().country()).isEqualTo("US");
        String page = "/console/connections/" + organisation + "/late-fees";

        // The sandbox's US company lists TAX, NON and a tax group; a line takes only the two pseudo-codes.
        String form = client.get(page).then().statusCode(200).extract().asString();
        assertThat(form).contains("<label for=\"late-fee-tax-rate\">Tax code</label>").contains("value=\"TAX\"")
                .contains("value=\"NON\"").contains("US companies: a line takes TAX or NON only")
                .doesNotContain("California");

        client.post(page, "account", "", "taxRate", "TAX", "item", "").then().statusCode(200)
                .body(containsString("value=\"TAX\" selected"));
        assertThat(profiles.find(organisation).choices().lateFeeTaxCode()).contains("TAX");

        client.post(page, "account", "", "taxRate", "2", "item", "").then().statusCode(400)
                .body(containsString("taxRate 2 is not an active tax code of this QuickBooks company"));
        client.post(page, "account", "", "taxRate", "TAX' or '1'='1", "item", "").then().statusCode(400)
                .body(containsString("taxRate must be a QuickBooks tax code"));
        assertThat(profiles.find(organisation).choices().lateFeeTaxCode()).contains("TAX");
    }

    @Test
    void the_admin_api_starts_and_ends_connections_through_the_same_service_and_is_answered_with_json() {
        String token = "Bearer test-operator-token-not-a-secret-0001";
        String authorize = given().header("Authorization", token).redirects().follow(false).get("/admin/xero/connect")
                .then().statusCode(303).extract().path("authorizeUrl");
        Response answer = given().redirects().follow(false).queryParams(SandboxLedgers.consent(authorize)).get("/xero/callback");
        answer.then().statusCode(200);
        String id = answer.path("connected[0].id");
        OrganisationId organisation = OrganisationId.parse(id);
        given().header("Authorization", token).get("/admin/connections").then().statusCode(200)
                .body("find { it.organisationId == '" + id + "' }.status", org.hamcrest.Matchers.equalTo("connected"))
                .body("find { it.organisationId == '" + id + "' }.connectedBy", org.hamcrest.Matchers.equalTo("operator"));
        given().header("Authorization", token).post("/admin/connections/" + id + "/reconnect").then().statusCode(409);
        given().header("Authorization", token).delete("/admin/xero/organisations/" + id).then().statusCode(204);
        given().header("Authorization", token).post("/admin/connections/" + id + "/reconnect").then().statusCode(200)
                .body("authorizeUrl", containsString("state="));
        assertThat(connections.find(organisation).orElseThrow().status()).isEqualTo(ConnectionStatus.REVOKED);
        assertThat(connections.find(organisation).orElseThrow().tokens().refreshToken()).isEmpty();
        Number audited = (Number) em.createNativeQuery("select count(*) from audit_event where organisation_id = :o "
                        + "and detail->>'action' = 'disconnect' and detail->>'user' = 'operator'")
                .setParameter("o", organisation.value()).getSingleResult();
        assertThat(audited.intValue()).isEqualTo(1);
    }

    /** Clicks "Connect Xero", lets the sandbox consent and follows the callback; the organisations it names. */
    private List<OrganisationId> connectXero(ConsoleClient client) {
        client.get("/console/connections");
        String authorize = client.post("/console/connections/xero").then().statusCode(303).extract().header("Location");
        assertThat(authorize).startsWith(SandboxLedgers.baseUrl()).contains("state=");
        return callback(SandboxLedgers.consent(authorize));
    }

    private static List<OrganisationId> callback(Map<String, String> redirect) {
        return ids(onwards(given().redirects().follow(false).queryParams(redirect).get("/xero/callback")));
    }

    /** A name as the page shows it (the sandbox's organisations have '&' in their names). */
    private static String html(String text) {
        return text.replace("&", "&amp;").replace("'", "&#39;");
    }

    /** Where the callback's page sends the browser on (its link, the same address as its refresh). */
    private static String onwards(Response callback) {
        callback.then().statusCode(200).contentType(containsString("text/html"));
        Matcher link = Pattern.compile("id=\"back-to-console\" href=\"([^\"]+)\"").matcher(callback.asString());
        assertThat(link.find()).as(callback.asString()).isTrue();
        assertThat(callback.asString()).contains("http-equiv=\"refresh\" content=\"0;url=" + link.group(1) + "\"");
        return link.group(1).replace("&amp;", "&");
    }

    private static List<OrganisationId> ids(String location) {
        assertThat(location).startsWith("/console/connections?connected=");
        String query = URI.create(location).getRawQuery().substring("connected=".length());
        return Arrays.stream(URLDecoder.decode(query, StandardCharsets.UTF_8).split(",")).map(OrganisationId::parse).toList();
    }
}
