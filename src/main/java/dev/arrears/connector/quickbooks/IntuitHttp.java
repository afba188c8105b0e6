package dev.arrears.connector.quickbooks;

import dev.arrears.application.cycle.ReplicaId;
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

    private final HttpClient client;
    private final ReplicaId replica;

    IntuitHttp(QuickBooksSettings settings, ReplicaId replica) {
        this.replica = replica;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.http().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            HttpRequest tagged = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header(ReplicaId.HEADER, replica.value()).build();
            return client.send(tagged, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (UnresolvedAddressException e) {
            throw new ConnectException("cannot resolve " + request.uri().getHost());
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
