package dev.arrears.web.console;

import dev.arrears.sandbox.SandboxLedgers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sandbox ledgers for a real browser: the consent servers send the browser back to the
 * application itself, so the application listens on a port chosen here, and the redirect URIs name it.
 */
public class BrowserSandboxLedgers implements QuarkusTestResourceLifecycleManager {

    private final SandboxLedgers sandbox = new SandboxLedgers();

    @Override
    public Map<String, String> start() {
        int port = freePort();
        Map<String, String> settings = new LinkedHashMap<>(sandbox.start());
        settings.put("quarkus.http.test-port", Integer.toString(port));
        settings.put("arrears.xero.redirect-uri", "http://localhost:" + port + "/xero/callback");
        settings.put("arrears.quickbooks.redirect-uri", "http://localhost:" + port + "/quickbooks/oauth/callback");
        return settings;
    }

    @Override
    public void stop() {
        sandbox.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
