package dev.arrears.connector.quickbooks;

import dev.arrears.application.cycle.ReplicaId;
import dev.arrears.connector.LedgerCallMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;

/**
 * The JDK HTTP client, shared by all realms. Chosen over a MicroProfile REST client because the
 * connector must see every response as it came (status, headers such as intuit_tid, a fault on a
 * 200, XML where JSON was asked for), set per-request query parameters (minorversion, requestid)
 * and tell "never sent" apart from "sent, answer lost" — the line between retrying and looking for
 * evidence first.
 */
@ApplicationScoped
class IntuitHttp {

    private static final String PROVIDER = "quickbooks";

    private final HttpClient client;
    private final ReplicaId replica;
    private final LedgerCallMeter meter;

    IntuitHttp(QuickBooksConfig settings, ReplicaId replica, LedgerCallMeter meter) {
        this.replica = replica;
        this.meter = meter;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.http().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    HttpResponse<String> send(HttpRequest request) throws IOException {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** With the body read as the caller needs it (bytes for a PDF). */
    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException {
        try {
            HttpRequest tagged = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header(ReplicaId.HEADER, replica.value()).build();
            HttpResponse<T> response = client.send(tagged, body);
            meter.answered(PROVIDER, request.uri().getPath(), response.statusCode());
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            meter.unanswered(PROVIDER, request.uri().getPath(), LedgerCallMeter.LOST);
            throw new IOException("interrupted", e);
        } catch (UnresolvedAddressException e) {
            meter.unanswered(PROVIDER, request.uri().getPath(), LedgerCallMeter.NOT_SENT);
            throw new ConnectException("cannot resolve " + request.uri().getHost());
        } catch (IOException e) {
            meter.unanswered(PROVIDER, request.uri().getPath(), neverSent(e) ? LedgerCallMeter.NOT_SENT : LedgerCallMeter.LOST);
            throw e;
        }
    }

    /** True when the request certainly never reached Intuit, so that repeating it cannot do anything twice. */
    static boolean neverSent(IOException e) {
        return e instanceof HttpConnectTimeoutException || e instanceof ConnectException
                || e.getCause() instanceof ConnectException;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
