package dev.arrears.connector.quickbooks;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** WireMock in Intuit's place, on a free port; every Intuit URL of the connector points at it. */
public class IntuitWireMock implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        String base = "http://localhost:" + server.port();
        return Map.ofEntries(
                Map.entry("arrears.quickbooks.production-api-url", base),
                Map.entry("arrears.quickbooks.sandbox-api-url", base + "/sandbox"),
                Map.entry("arrears.quickbooks.authorize-url", base + "/connect/oauth2"),
                Map.entry("arrears.quickbooks.token-url", base + "/oauth2/v1/tokens/bearer"),
                Map.entry("arrears.oauth.retry-pause", "PT0S"),
                Map.entry("arrears.quickbooks.revoke-url", base + "/v2/oauth2/tokens/revoke"),
                Map.entry("arrears.quickbooks.client-id", "test-client-id"),
                Map.entry("arrears.quickbooks.client-secret", "test-client-secret"),
                Map.entry("arrears.quickbooks.redirect-uri", "https://arrears.example.com/quickbooks/oauth/callback"),
                Map.entry("arrears.quickbooks.http.request-timeout", "PT5S"));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
