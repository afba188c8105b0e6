package dev.arrears.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox ledgers in place of Intuit and Xero for a {@code @QuarkusTest}: a free port on the
 * loopback address, every provider URL of both connectors pointing at it, and the redirect URIs set,
 * so a test can walk the consent flow as a browser would.
 */
public class SandboxLedgers implements QuarkusTestResourceLifecycleManager {

    private static SandboxServer server;
    private static final List<String> QUICKBOOKS = new ArrayList<>();

    /** The sandbox's QuickBooks company numbers, in seed order. */
    public static List<String> quickBooksRealms() {
        return QUICKBOOKS;
    }

    public static String baseUrl() {
        return server.baseUrl();
    }

    /** Asks the sandbox's consent page, which consents at once: the query of its redirect back (code, state...). */
    public static Map<String, String> consent(String authorizeUrl) {
        SandboxClient client = new SandboxClient(server);
        HttpResponse<String> redirect = client.send("GET", authorizeUrl.substring(server.baseUrl().length()), null);
        if (redirect.statusCode() != 302) {
            throw new IllegalStateException("the sandbox did not consent: " + redirect.statusCode() + " " + redirect.body());
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : URI.create(redirect.headers().firstValue("Location").orElseThrow()).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    @Override
    public Map<String, String> start() {
        server = SandboxServer.start(SandboxOptions.create(Clock.systemUTC()).port(0).seed("demo").threads(4)
                .limits(false));
        QUICKBOOKS.clear();
        for (JsonNode org : new SandboxClient(server).control("GET", "/orgs", null).get("orgs")) {
            if (org.get("provider").asText().equals("qbo")) {
                QUICKBOOKS.add(org.get("id").asText());
            }
        }
        Map<String, String> settings = new LinkedHashMap<>(server.connectorSettings());
        settings.put("arrears.quickbooks.redirect-uri", "http://127.0.0.1/quickbooks/oauth/callback");
        settings.put("arrears.xero.redirect-uri", "http://127.0.0.1/xero/callback");
        return settings;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
