package dev.arrears.connector.xero;

import dev.arrears.application.cycle.ReplicaId;
import dev.arrears.connector.LedgerCallMeter;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one door to Xero's servers: the JDK's HTTP client, chosen over a generated REST client
 * because the connector must see every response header (rate-limit counters, Retry-After), set
 * per-request headers (tenant, Idempotency-Key, If-Modified-Since) and, above all, tell a request
 * that never left (safe to send again) from one whose answer was lost (it may have been applied).
 */
@ApplicationScoped
class XeroHttp {

    private static final String PROVIDER = "xero";

    private final HttpClient client;
    private final XeroConfig config;
    private final ReplicaId replica;
    private final LedgerCallMeter meter;

    XeroHttp(XeroConfig config, ReplicaId replica, LedgerCallMeter meter) {
        this.config = config;
        this.replica = replica;
        this.meter = meter;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    record Request(String method, URI uri, Map<String, String> headers, Optional<String> body) {
        Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(uri, "uri");
            headers = Map.copyOf(headers);
            Objects.requireNonNull(body, "body");
        }

        /** For messages: method and path, never the query (it may carry codes) nor the headers (tokens). */
        String describe() {
            return method + " " + uri.getPath();
        }
    }

    /** What came of sending a request. */
    sealed interface Exchange {
    }

    /** @param raw the body's bytes as they came (a PDF is not text); {@link #body()} reads them as UTF-8 */
    record Answered(int status, byte[] raw, HttpHeaders headers) implements Exchange {
        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        String body() {
            return new String(raw, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The request certainly did not reach Xero (no connection): sending it again is safe. */
    record NotSent(String reason) implements Exchange {
    }

    /** The request may have reached Xero and been applied; its answer never came. */
    record Lost(String reason) implements Exchange {
    }

    Exchange send(Request request) {
        return send(request, config.requestTimeout());
    }

    /** With a timeout of its own: a token call inside a locked transaction must end well inside it. */
    Exchange send(Request request, java.time.Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(timeout);
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.put(ReplicaId.HEADER, replica.value());
        headers.forEach(builder::header);
        builder.method(request.method(), request.body().map(HttpRequest.BodyPublishers::ofString)
                .orElseGet(HttpRequest.BodyPublishers::noBody));
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            meter.answered(PROVIDER, request.uri().getPath(), response.statusCode());
            return new Answered(response.statusCode(), response.body() == null ? new byte[0] : response.body(), response.headers());
        } catch (HttpConnectTimeoutException | ConnectException | UnresolvedAddressException e) {
            meter.unanswered(PROVIDER, request.uri().getPath(), LedgerCallMeter.NOT_SENT);
            return new NotSent(request.describe() + ": could not connect (" + e.getClass().getSimpleName() + ")");
        } catch (IOException e) {
            meter.unanswered(PROVIDER, request.uri().getPath(), LedgerCallMeter.LOST);
            return new Lost(request.describe() + ": no answer (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Lost(request.describe() + ": interrupted while waiting for the answer");
        }
    }
}
