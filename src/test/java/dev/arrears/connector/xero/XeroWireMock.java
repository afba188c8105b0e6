package dev.arrears.connector.xero;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.util.Map;
import java.util.function.Consumer;

/** Starts WireMock in Xero's place on a free port and points every Xero address of Arrears at it. */
public class XeroWireMock implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    /**
     * Runs with a request's path before WireMock answers it: what a test puts here happens while
     * Arrears waits for Xero, at a known point and without timing. Tests set it back to nothing.
     */
    static volatile Consumer<String> beforeAnswer = path -> { };

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(new ServeEventListener() {
            @Override
            public String getName() {
                return "before-answer";
            }

            @Override
            public void beforeResponseSent(ServeEvent event, Parameters parameters) {
                beforeAnswer.accept(URI.create(event.getRequest().getUrl()).getPath());
            }
        }));
        server.start();
        String base = server.baseUrl();
        return Map.ofEntries(
                // A free port: other test runs may hold 8081 on a shared machine.
                Map.entry("quarkus.http.test-port", "0"),
                Map.entry("arrears.xero.client-id", "test-client-id"),
                Map.entry("arrears.xero.client-secret", "test-client-secret-not-a-secret"),
                Map.entry("arrears.xero.redirect-uri", "http://localhost:8081/xero/callback"),
                Map.entry("arrears.xero.authorize-url", base + "/identity/connect/authorize"),
                Map.entry("arrears.xero.identity-url", base),
                Map.entry("arrears.xero.connections-url", base + "/connections"),
                Map.entry("arrears.xero.api-url", base + "/api.xro/2.0"),
                Map.entry("arrears.xero.sync.page-size", "2"),
                Map.entry("arrears.xero.retry.initial-backoff", "PT0S"),
                Map.entry("arrears.oauth.retry-pause", "PT0S"),
                Map.entry("arrears.xero.request-timeout", "PT5S"));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
