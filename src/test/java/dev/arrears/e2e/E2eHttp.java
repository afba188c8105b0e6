package dev.arrears.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Calls from a test to the daemon's admin API (bearer operator token) and to the sandbox's control
 * API ({@code X-Sandbox-Token}), as JSON.
 */
final class E2eHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String sandbox;
    private final String controlToken;
    private final String operatorToken;

    /** {@code sandbox} like {@code http://127.0.0.1:8099}. */
    E2eHttp(String sandbox, String controlToken, String operatorToken) {
        this.sandbox = sandbox;
        this.controlToken = controlToken;
        this.operatorToken = operatorToken;
    }

    String sandboxBase() {
        return sandbox;
    }

    /** GET on the sandbox's control API, e.g. {@code sandbox("/_sandbox/orgs")}. */
    JsonNode sandbox(String path) throws IOException, InterruptedException {
        return check(send("GET", sandbox + path, null, true), path);
    }

    /** POST on the sandbox's control API; the answer as it came (errors included). */
    JsonNode sandboxPost(String path, Object body) throws IOException, InterruptedException {
        return JSON.readTree(send("POST", sandbox + path, body, true).body());
    }

    JsonNode sandboxDelete(String path) throws IOException, InterruptedException {
        return JSON.readTree(send("DELETE", sandbox + path, null, true).body());
    }

    /** The sandbox's simulated now. */
    Instant sandboxNow() throws IOException, InterruptedException {
        return Instant.parse(sandbox("/_sandbox/clock").path("now").asText());
    }

    /** GET on a daemon's admin API ({@code admin} like {@code http://localhost:8080}); must answer 200. */
    JsonNode admin(String admin, String path) throws IOException, InterruptedException {
        return check(send("GET", admin + path, null, false), path);
    }

    /** Any call on a daemon's admin API, answer as it came. */
    HttpResponse<String> adminSend(String admin, String method, String path, Object body) throws IOException, InterruptedException {
        return send(method, admin + path, body, false);
    }

    /** A call on the admin API that must succeed (2xx); its JSON answer (an empty object when none). */
    JsonNode adminOk(String admin, String method, String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> r = adminSend(admin, method, path, body);
        if (r.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    /** The sandbox's organisations, as {@code GET /_sandbox/orgs} lists them. */
    List<JsonNode> sandboxOrgs() throws IOException, InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        sandbox("/_sandbox/orgs").path("orgs").forEach(out::add);
        return out;
    }

    /** True once {@code url} answers 200 (no token needed: health endpoints). */
    boolean up(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Polls {@code condition} every 200 ms until it holds; fails with {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("timed out after " + timeout + ": " + what);
            }
            Thread.sleep(200);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private HttpResponse<String> send(String method, String url, Object body, boolean sandboxCall)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json");
        if (sandboxCall) {
            b.header("X-Sandbox-Token", controlToken);
        } else {
            b.header("Authorization", "Bearer " + operatorToken);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode check(HttpResponse<String> r, String what) throws IOException {
        if (r.statusCode() != 200) {
            throw new IOException(what + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
