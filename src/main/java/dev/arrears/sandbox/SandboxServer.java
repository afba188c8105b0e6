package dev.arrears.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stateful stand-ins for the parts of Xero and QuickBooks Online that Arrears uses, on one port,
 * served by the JDK's HTTP server. Start one in a test with {@link #start(int, String, Clock)}, or
 * as its own process with {@code java -jar quarkus-run.jar sandbox} (see docs/sandbox.md).
 *
 * <p>URL layout (mirrors the real hosts under one base URL):
 * <pre>
 *   {base}/xero/login/identity/connect/authorize    login.xero.com/identity/connect/authorize
 *   {base}/xero/identity/connect/token              identity.xero.com/connect/token (and /connect/revocation)
 *   {base}/xero/api/connections                     api.xero.com/connections
 *   {base}/xero/api/api.xro/2.0/...                 api.xero.com/api.xro/2.0/...
 *   {base}/qbo/appcenter/connect/oauth2             appcenter.intuit.com/connect/oauth2
 *   {base}/qbo/oauth/oauth2/v1/tokens/bearer        oauth.platform.intuit.com/oauth2/v1/tokens/bearer
 *   {base}/qbo/developer/v2/oauth2/tokens/revoke    developer.api.intuit.com/v2/oauth2/tokens/revoke
 *   {base}/qbo/api/v3/company/{realmId}/...         quickbooks.api.intuit.com/v3/company/{realmId}/...
 *   {base}/_sandbox/...                             control API (X-Sandbox-Token)
 * </pre>
 */
public final class SandboxServer implements AutoCloseable {

    final SandboxOptions options;
    final SandboxClock clock;
    /**
     * The header a caller may send to say which of its processes made the request (Arrears sends its
     * replica id); the journal records it, so a test can see which replica worked on an organisation when.
     */
    public static final String REPLICA_HEADER = "X-Arrears-Replica";

    final Clock wall;
    final Ledger ledger;
    final OAuth oauth;
    final Journal journal;
    final FaultInjection faults;
    final RateLimits limits = new RateLimits();
    final Idempotency idempotency = new Idempotency();
    private final String controlToken;
    private final HttpServer http;
    private final ExecutorService pool;
    private final ScheduledExecutorService dropper;
    private final XeroImitation xero;
    private final QuickBooksImitation qbo;
    private final ControlApi control;

    private SandboxServer(SandboxOptions options) throws IOException {
        this.options = options;
        this.clock = new SandboxClock(options.clock());
        this.wall = options.wallClock() == options.clock() ? clock : options.wallClock();
        this.ledger = Ledger.seed(options.seed(), clock.instant());
        Map<Provider, String[]> clients = new EnumMap<>(Provider.class);
        clients.put(Provider.XERO, new String[] {options.xeroClientId(), options.xeroClientSecret()});
        clients.put(Provider.QUICKBOOKS, new String[] {options.qboClientId(), options.qboClientSecret()});
        this.oauth = new OAuth(clients, options.tokenLifetimesOnWallClock() ? wall : clock, wall, ledger);
        this.journal = new Journal(options.journalCapacity());
        this.faults = new FaultInjection(4242L);
        this.controlToken = options.controlToken() != null ? options.controlToken() : randomToken();
        this.xero = new XeroImitation(this);
        this.qbo = new QuickBooksImitation(this);
        this.control = new ControlApi(this);
        this.http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 256);
        this.pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "sandbox-http");
            t.setDaemon(true);
            return t;
        });
        this.dropper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-dropper");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(pool);
        http.createContext("/", this::handle);
        http.start();
    }

    /** Starts a sandbox on {@code port} (0: any free port) on 127.0.0.1 with the given seed and ledger clock. */
    public static SandboxServer start(int port, String seed, Clock clock) {
        return start(SandboxOptions.create(clock).port(port).seed(seed));
    }

    public static SandboxServer start(SandboxOptions options) {
        try {
            return new SandboxServer(options);
        } catch (IOException e) {
            throw new IllegalStateException("sandbox could not listen on " + options.host() + ":" + options.port(), e);
        }
    }

    public void stop() {
        http.stop(0);
        pool.shutdownNow();
        dropper.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://" + options.host() + ":" + port();
    }

    /** The settings a connector needs to talk to this sandbox, keyed like Arrears' configuration. */
    public Map<String, String> connectorSettings() {
        String b = baseUrl();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("arrears.xero.client-id", options.xeroClientId());
        m.put("arrears.xero.client-secret", options.xeroClientSecret());
        m.put("arrears.xero.authorize-url", b + "/xero/login/identity/connect/authorize");
        m.put("arrears.xero.identity-url", b + "/xero/identity");
        m.put("arrears.xero.connections-url", b + "/xero/api/connections");
        m.put("arrears.xero.api-url", b + "/xero/api/api.xro/2.0");
        m.put("arrears.quickbooks.client-id", options.qboClientId());
        m.put("arrears.quickbooks.client-secret", options.qboClientSecret());
        m.put("arrears.quickbooks.authorize-url", b + "/qbo/appcenter/connect/oauth2");
        m.put("arrears.quickbooks.token-url", b + "/qbo/oauth/oauth2/v1/tokens/bearer");
        m.put("arrears.quickbooks.revoke-url", b + "/qbo/developer/v2/oauth2/tokens/revoke");
        m.put("arrears.quickbooks.production-api-url", b + "/qbo/api");
        m.put("arrears.quickbooks.sandbox-api-url", b + "/qbo/api");
        return m;
    }

    public String controlToken() {
        return controlToken;
    }

    public Journal journal() {
        return journal;
    }

    public FaultInjection faults() {
        return faults;
    }

    public SandboxClock clock() {
        return clock;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** Same as {@code GET /_sandbox/...} without HTTP: path and query as in the control API. */
    public Map<String, Object> control(String method, String pathAndQuery, String jsonBody) {
        String path = pathAndQuery;
        String query = null;
        int q = pathAndQuery.indexOf('?');
        if (q >= 0) {
            path = pathAndQuery.substring(0, q);
            query = pathAndQuery.substring(q + 1);
        }
        Req req = new Req(method, path, query, new com.sun.net.httpserver.Headers(),
                jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8));
        Resp resp = control.handle(req);
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = SandboxJson.MAPPER.readValue(resp.body, Map.class);
            map.put("_status", resp.status);
            return map;
        } catch (IOException e) {
            throw new IllegalStateException(resp.status + " " + resp.bodyText(), e);
        }
    }

    private void handle(HttpExchange ex) {
        Req req = null;
        Instant received = wall.instant();
        try {
            byte[] body = ex.getRequestBody().readAllBytes();
            req = new Req(ex.getRequestMethod().toUpperCase(Locale.ROOT), ex.getRequestURI().getPath(),
                    ex.getRequestURI().getRawQuery(), ex.getRequestHeaders(), body);
            if (req.path.startsWith("/_sandbox/")) {
                Resp resp;
                if (req.path.equals("/_sandbox/health")) {
                    resp = Resp.json(200, "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8));
                } else if (!controlToken.equals(req.header("X-Sandbox-Token"))) {
                    resp = Resp.json(401, "{\"error\":\"X-Sandbox-Token missing or wrong\"}".getBytes(StandardCharsets.UTF_8));
                } else {
                    resp = control.handle(req);
                }
                send(ex, resp);
                return;
            }
            ProviderApi api = req.path.startsWith("/xero/") ? xero : req.path.startsWith("/qbo/") ? qbo : null;
            if (api == null) {
                send(ex, Resp.text(404, "The sandbox serves /xero/..., /qbo/... and /_sandbox/..."));
                return;
            }
            ProviderApi.Result result = api.serve(req);
            record(req, api.provider, result, received);
            if (result.resp() == null) {
                if (result.dropAfterMillis() <= 0) {
                    ex.close();
                } else {
                    dropper.schedule(ex::close, result.dropAfterMillis(), TimeUnit.MILLISECONDS);
                }
                return;
            }
            send(ex, result.resp());
        } catch (RuntimeException | IOException e) {
            try {
                send(ex, Resp.text(500, "sandbox failure: " + e));
            } catch (IOException ignored) {
                ex.close();
            }
            if (req != null) {
                journal.add(clock.instant(), "?", null, "error", req.method, req.path, req.rawQuery, Map.of(),
                        null, 500, "sandbox-error: " + e, null, received, wall.instant());
            }
        }
    }

    private void record(Req req, Provider provider, ProviderApi.Result result, Instant received) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h : new String[] {"Idempotency-Key", "If-Modified-Since", "xero-tenant-id", "Content-Type",
            REPLICA_HEADER}) {
            String v = req.header(h);
            if (v != null) {
                headers.put(h, v);
            }
        }
        String body = null;
        if (req.body.length > 0 && !req.path.contains("/token") && !req.path.contains("/revo")) {
            body = req.bodyText();
            if (body.length() > 8192) {
                body = body.substring(0, 8192) + "...";
            }
        }
        int status = result.resp() == null ? 0 : result.resp().status;
        journal.add(clock.instant(), provider.key(), result.org(), result.operation(), req.method, req.path,
                req.rawQuery, headers, body, status, result.outcome(), result.entityId(), received, wall.instant());
    }

    private static void send(HttpExchange ex, Resp resp) throws IOException {
        resp.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        if (resp.body.length == 0) {
            ex.sendResponseHeaders(resp.status, -1);
        } else {
            ex.sendResponseHeaders(resp.status, resp.body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(resp.body);
            }
        }
        ex.close();
    }

    private static String randomToken() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
