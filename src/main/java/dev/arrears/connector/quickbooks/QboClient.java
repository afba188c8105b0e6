package dev.arrears.connector.quickbooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.application.ConnectionStatus;
import dev.arrears.application.ConnectionStore;
import dev.arrears.application.LedgerConnection;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.application.ledger.LedgerProfile;
import dev.arrears.application.ledger.LedgerProfileStore;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import dev.arrears.connector.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every request to the Accounting API goes through here: {@code minorversion} and JSON on each, a
 * {@code requestid} on each write, the realm's limiter, a refresh-and-retry-once on 401, a realm
 * back-off on 429 / fault 3001, retries with backoff and jitter where repeating is harmless, and
 * Intuit's faults turned into {@link QboProblem}s with readable reasons.
 */
@ApplicationScoped
class QboClient {

    private final QuickBooksConfig settings;
    private final IntuitHttp http;
    private final QuickBooksTokens tokens;
    private final ConnectionStore connections;
    private final LedgerProfileStore profiles;
    private final RealmLimiters limiters;
    private final Pause pause;
    private final Clock clock;
    private final Ticker ticker;

    QboClient(QuickBooksConfig settings, IntuitHttp http, QuickBooksTokens tokens, ConnectionStore connections,
              LedgerProfileStore profiles, RealmLimiters limiters, Pause pause, Clock clock, Ticker ticker) {
        this.settings = settings;
        this.http = http;
        this.tokens = tokens;
        this.connections = connections;
        this.profiles = profiles;
        this.limiters = limiters;
        this.pause = pause;
        this.clock = clock;
        this.ticker = ticker;
    }

    /** Opens a session: the connection must be active and not backed off; the access token is made fresh. */
    RealmSession open(OrganisationId organisation) {
        LedgerConnection connection = connections.find(organisation)
                .filter(c -> c.provider() == LedgerProvider.QUICKBOOKS)
                .orElseThrow(() -> new QboProblem(new LedgerFailure.Rejected(
                        "organisation " + organisation + " has no QuickBooks connection")));
        if (connection.status() != ConnectionStatus.ACTIVE) {
            throw new QboProblem(new LedgerFailure.NeedsReconnect("the QuickBooks connection is " + connection.status()
                    + connection.statusReason().map(r -> ": " + r).orElse("")));
        }
        LedgerProfile profile = profiles.find(organisation);
        RealmLimiter limiter = limiters.of(connection.tenantId());
        profile.backoffUntil().ifPresent(limiter::backOffUntilWall);
        limiter.backoffUntil().ifPresent(until -> {
            throw new QboProblem(LedgerFailure.RetryLater.throttled("QuickBooks asked Arrears to slow down for this company",
                    until));
        });
        QuickBooksTokens.TokenUse token = tokens.accessToken(connection);
        return new RealmSession(connection, profile, token.accessToken(), token.refreshed() ? 1 : 0);
    }

    /** Runs a query ({@code select ...}); the answer's entities are under {@code QueryResponse}. */
    JsonNode query(RealmSession session, String sql) {
        return get(session, "query", Map.of("query", sql));
    }

    JsonNode get(RealmSession session, String path, Map<String, String> parameters) {
        return exchange(session, new Call("GET", path, parameters, Optional.empty(), Optional.empty(), null));
    }

    /**
     * A document that is not JSON ({@code invoice/{id}/pdf}): one attempt, as a reminder never waits
     * for its attachment. Its bytes, or a {@link QboProblem} saying why not.
     */
    byte[] getBytes(RealmSession session, String path, String accept) {
        Call call = new Call("GET", path, Map.of(), Optional.empty(), Optional.empty(), null);
        RealmLimiter limiter = limiters.of(session.realmId());
        limiter.acquire(false);
        HttpResponse<byte[]> response;
        try {
            HttpRequest json = request(session, call);
            response = http.send(HttpRequest.newBuilder(json, (name, value) -> !name.equalsIgnoreCase("Accept"))
                    .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new QboProblem(new LedgerFailure.RetryLater("QuickBooks could not be reached (" + e.getClass().getSimpleName()
                    + ") on " + call.describe(), Optional.empty()));
        } finally {
            limiter.release();
        }
        session.counted();
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        String text = new String(response.body(), StandardCharsets.UTF_8);
        String what = call.describe() + " → HTTP " + status + ": " + QboFaultReader.describe(parse(text).map(QboFaultReader::of)
                .orElseGet(() -> QboFaultReader.ofText(text)));
        if (status == 429) {
            throw throttled(session, response.headers(), what);
        }
        throw new QboProblem(status >= 500 ? new LedgerFailure.RetryLater(what, Optional.empty()) : new LedgerFailure.Rejected(what));
    }

    /** A write: {@code requestId} makes a repeat of the same logical write return the first answer. */
    JsonNode post(RealmSession session, String path, Map<String, String> parameters, String requestId,
                  String contentType, String body) {
        return exchange(session, new Call("POST", path, parameters, Optional.of(requestId), Optional.of(contentType), body));
    }

    private JsonNode exchange(RealmSession session, Call call) {
        RealmLimiter limiter = limiters.of(session.realmId());
        boolean refreshed = false;
        for (int attempt = 1; ; attempt++) {
            limiter.acquire(false);
            HttpResponse<String> response;
            try {
                response = http.send(request(session, call));
            } catch (IOException e) {
                boolean neverSent = IntuitHttp.neverSent(e);
                String reason = "QuickBooks could not be reached (" + e.getClass().getSimpleName() + ") on " + call.describe();
                if (!neverSent && call.isWrite()) {
                    throw new QboProblem(new LedgerFailure.RetryLater(reason, Optional.empty()), true, List.of());
                }
                if (attempt < settings.http().attempts()) {
                    waitBeforeRetry(attempt);
                    continue;
                }
                throw new QboProblem(new LedgerFailure.RetryLater(reason, Optional.empty()));
            } finally {
                limiter.release();
            }
            session.counted();
            int status = response.statusCode();
            String tid = response.headers().firstValue("intuit_tid").or(() -> response.headers().firstValue("Intuit-Tid")).orElse("-");
            Optional<JsonNode> json = parse(response.body());
            List<QboError> errors = json.map(QboFaultReader::of).orElseGet(() -> QboFaultReader.ofText(response.body()));
            if (status >= 200 && status < 300 && json.isPresent() && errors.isEmpty()) {
                return json.get();
            }
            String what = call.describe() + " → HTTP " + status + " (intuit_tid " + tid + "): " + QboFaultReader.describe(errors);
            if (status == 429 || QboFaultReader.has(errors, "3001")) {
                throw throttled(session, response.headers(), what);
            }
            if (status == 401 || QboFaultReader.has(errors, "3200")) {
                if (!refreshed) {
                    refreshed = true;
                    QuickBooksTokens.TokenUse token = tokens.afterRejection(session.organisation(), session.accessToken());
                    session.useToken(token.accessToken());
                    if (token.refreshed()) {
                        session.counted();
                    }
                    attempt--; // the refresh is not a failed attempt
                    continue;
                }
                throw reconnect(session, "QuickBooks refused a freshly refreshed access token: " + QboFaultReader.describe(errors));
            }
            if (QboFaultReader.has(errors, "3201", "3100", "120")) {
                throw reconnect(session, "QuickBooks no longer authorises Arrears for this company: " + QboFaultReader.describe(errors));
            }
            boolean transientFailure = status >= 500 || status == 408 || (status < 300 && json.isEmpty());
            if (transientFailure) {
                Log.warnf("QuickBooks realm %s: %s", session.realmId(), what);
                if (call.isWrite()) {
                    // The server may have done the write before failing: the caller looks for evidence first.
                    throw new QboProblem(new LedgerFailure.RetryLater(what, Optional.empty()), true, errors);
                }
                if (attempt < settings.http().attempts()) {
                    waitBeforeRetry(attempt);
                    continue;
                }
                throw new QboProblem(new LedgerFailure.RetryLater(what, Optional.empty()), false, errors);
            }
            throw new QboProblem(new LedgerFailure.Rejected(what), false, errors);
        }
    }

    private QboProblem throttled(RealmSession session, java.net.http.HttpHeaders headers, String what) {
        Duration wait = settings.limits().throttleBackoff();
        Optional<Duration> hint = headers.firstValue("Retry-After").flatMap(QboClient::seconds);
        if (hint.isPresent() && hint.get().compareTo(wait) > 0) {
            wait = hint.get();
        }
        // Real time for the back-off (stored on the wall clock for the next replica); business time for the outbox.
        Instant wallUntil = ticker.wallClockAfter(wait);
        limiters.of(session.realmId()).backOff(wait);
        profiles.backOff(session.organisation(), wallUntil, "HTTP 429 / ThrottleExceeded");
        Log.warnf("QuickBooks throttled realm %s; nothing is sent to it before %s", session.realmId(), wallUntil);
        return new QboProblem(LedgerFailure.RetryLater.throttled("QuickBooks throttled this company: " + what,
                clock.instant().plus(wait)));
    }

    private QboProblem reconnect(RealmSession session, String reason) {
        tokens.needsReconnect(session.organisation(), reason);
        return new QboProblem(new LedgerFailure.NeedsReconnect(reason));
    }

    private void waitBeforeRetry(int attempt) {
        long base = settings.http().retryBase().toMillis() << Math.min(attempt - 1, 10);
        long capped = Math.min(base, settings.http().retryMax().toMillis());
        // Full jitter: replicas retrying after the same outage do not all come back at once.
        pause.pause(Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1)));
    }

    private HttpRequest request(RealmSession session, Call call) {
        Map<String, String> parameters = new LinkedHashMap<>(call.parameters());
        parameters.put("minorversion", Integer.toString(settings.minorVersion()));
        call.requestId().ifPresent(id -> parameters.put("requestid", id));
        StringBuilder uri = new StringBuilder(settings.apiUrl().toString().replaceAll("/+$", ""))
                .append("/v3/company/").append(enc(session.realmId())).append('/').append(call.path()).append('?');
        parameters.forEach((k, v) -> uri.append(enc(k)).append('=').append(enc(v)).append('&'));
        uri.setLength(uri.length() - 1);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri.toString()))
                .timeout(settings.http().requestTimeout())
                .header("Authorization", "Bearer " + session.accessToken())
                .header("Accept", "application/json");
        if (call.isWrite()) {
            builder.header("Content-Type", call.contentType().orElse("application/json"))
                    .POST(call.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
        } else {
            builder.GET();
        }
        return builder.build();
    }

    private static Optional<JsonNode> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(QboJson.parse(body));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record Call(String method, String path, Map<String, String> parameters, Optional<String> requestId,
                        Optional<String> contentType, String body) {
        boolean isWrite() {
            return method.equals("POST");
        }

        String describe() {
            String query = parameters.get("query");
            return method + " " + path + (query == null ? "" : " [" + query + "]");
        }
    }
}
