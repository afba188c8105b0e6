package dev.arrears.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** Talks to a sandbox the way a connector would: plain java.net.http, JSON read with Jackson. */
final class SandboxClient {

    static final ObjectMapper JSON = new ObjectMapper();
    final SandboxServer sandbox;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    SandboxClient(SandboxServer sandbox) {
        this.sandbox = sandbox;
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(r.statusCode() + " " + r.body(), e);
        }
    }

    JsonNode control(String method, String path, String body) {
        HttpResponse<String> r = send(method, "/_sandbox" + path, body, "X-Sandbox-Token", sandbox.controlToken(),
                "Content-Type", "application/json");
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return json(r);
    }

    /** An access token for these organisations, minted through the control API. */
    JsonNode grant(String... orgs) {
        try {
            return control("POST", "/grants", JSON.writeValueAsString(Map.of("orgs", orgs)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> xero(String method, String resource, String tenant, String token, String body, String... headers) {
        String[] all = new String[headers.length + 6];
        all[0] = "Authorization";
        all[1] = "Bearer " + token;
        all[2] = "xero-tenant-id";
        all[3] = tenant;
        all[4] = "Accept";
        all[5] = "application/json";
        System.arraycopy(headers, 0, all, 6, headers.length);
        return send(method, "/xero/api/api.xro/2.0/" + resource, body, all);
    }

    HttpResponse<String> qbo(String method, String resource, String realm, String token, String body, String... headers) {
        String[] all = new String[headers.length + 4];
        all[0] = "Authorization";
        all[1] = "Bearer " + token;
        all[2] = "Accept";
        all[3] = "application/json";
        System.arraycopy(headers, 0, all, 4, headers.length);
        return send(method, "/qbo/api/v3/company/" + realm + "/" + resource, body, all);
    }

    HttpResponse<String> qboQuery(String realm, String token, String query) {
        return qbo("GET", "query?minorversion=75&query=" + enc(query), realm, token, null);
    }

    HttpResponse<String> tokenRequest(Provider p, String form, String... headers) {
        String id = p == Provider.XERO ? "arrears-sandbox-xero" : "arrears-sandbox-qbo";
        String secret = p == Provider.XERO ? "arrears-sandbox-xero-secret" : "arrears-sandbox-qbo-secret";
        String basic = Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
        String path = p == Provider.XERO ? "/xero/identity/connect/token" : "/qbo/oauth/oauth2/v1/tokens/bearer";
        String[] all = new String[headers.length + 6];
        all[0] = "Authorization";
        all[1] = "Basic " + basic;
        all[2] = "Content-Type";
        all[3] = "application/x-www-form-urlencoded";
        all[4] = "Accept";
        all[5] = "application/json";
        System.arraycopy(headers, 0, all, 6, headers.length);
        return send("POST", path, form, all);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
