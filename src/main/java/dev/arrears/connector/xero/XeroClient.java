package dev.arrears.connector.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.ledger.LedgerFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One call to the Accounting API for one organisation, with everything around it: the limiter's
 * leave, a fresh access token, the tenant header, retries of 5xx and lost answers (with backoff and
 * jitter; a write is only ever repeated with its Idempotency-Key), one token refresh on 401, and
 * the answer sorted into what the caller must do.
 */
@ApplicationScoped
class XeroClient {

    private final XeroHttp http;
    private final XeroLimiter limiter;
    private final XeroTokens tokens;
    private final RequestBackoff backoff;
    private final XeroConfig config;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    XeroClient(XeroHttp http, XeroLimiter limiter, XeroTokens tokens, RequestBackoff backoff, XeroConfig config, Clock clock) {
        this.http = http;
        this.limiter = limiter;
        this.tokens = tokens;
        this.backoff = backoff;
        this.config = config;
        this.clock = clock;
    }

    /**
     * A {@code where} filter {@code Field=="value"}. Xero parses the filter as a C#-like expression, so
     * a quote or backslash in the value is escaped: the value can never end the string and add a
     * condition of its own ({@code NOPE" OR Code!="x}).
     */
    static String equalsFilter(String field, String value) {
        return field + "==\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * @param path  below the API base, e.g. {@code /Invoices}
     * @param query in order; values are encoded here
     * @param write true for a request that changes something: it is only repeated when it carries an
     *              Idempotency-Key, and a lost answer makes its outcome {@link InDoubt}
     */
    record Call(String method, String path, Map<String, String> query, Map<String, String> headers,
                Optional<JsonNode> body, boolean write) {
        Call {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            query = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
            headers = Map.copyOf(headers);
            Objects.requireNonNull(body, "body");
        }

        static Call get(String path, Map<String, String> query) {
            return new Call("GET", path, query, Map.of(), Optional.empty(), false);
        }

        Call withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Call(method, path, query, more, body, write);
        }
    }

    sealed interface Result {
    }

    /** @param raw the body's bytes, for an answer that is not JSON (the invoice PDF) */
    record Ok(int status, JsonNode body, byte[] raw) implements Result {
    }

    record NotFound(String detail) implements Result {
    }

    record Failed(LedgerFailure failure) implements Result {
    }

    /** A write whose answer was lost: it may have been applied. */
    record InDoubt(String reason) implements Result {
    }

    Result call(OrganisationId organisation, Call call, CallCount calls) {
        Attempts attempts = new Attempts();
        Result result = attempt(organisation, call, calls, attempts);
        if (attempts.maybeApplied() && !(result instanceof Ok) && !(result instanceof InDoubt)) {
            // An earlier attempt may have been applied: a later refusal (a 429, the limiter, a lost
            // token, a 4xx) says nothing about that one, so the write stays in doubt and its evidence
            // is looked for before anything is written again.
            return new InDoubt(attempts.doubt + "; then " + describe(result));
        }
        return result;
    }

    /** What the attempts of one call have seen so far. */
    private static final class Attempts {
        /** Why the first attempt that may have been applied ended, or null while none may have been. */
        String doubt;

        boolean maybeApplied() {
            return doubt != null;
        }

        void mayHaveApplied(String reason) {
            if (doubt == null) {
                doubt = reason;
            }
        }
    }

    private Result attempt(OrganisationId organisation, Call call, CallCount calls, Attempts attempts) {
        boolean repeatable = !call.write() || call.headers().containsKey("Idempotency-Key");
        boolean refreshed = false;
        String lastProblem = "no attempt made";
        int attempt = 0;
        while (attempt < backoff.attempts()) {
            attempt++;
            if (attempt > 1) {
                backoff.before(attempt);
            }
            // The limiter first: inside a pause Xero asked for, not even the token is refreshed.
            XeroLimiter.Admission admission = limiter.admit(organisation);
            if (admission instanceof XeroLimiter.Refused refused) {
                return new Failed(refused.failure());
            }
            XeroTokens.Fresh fresh;
            XeroHttp.Exchange exchange;
            try (XeroLimiter.Permit ignored = ((XeroLimiter.Granted) admission).permit()) {
                XeroTokens.Token token = tokens.fresh(organisation, calls);
                if (token instanceof XeroTokens.Failed failed) {
                    return new Failed(failed.failure());
                }
                fresh = (XeroTokens.Fresh) token;
                calls.add();
                exchange = http.send(request(fresh, call));
            }
            switch (exchange) {
                case XeroHttp.NotSent notSent -> lastProblem = notSent.reason();
                case XeroHttp.Lost lost -> {
                    lastProblem = lost.reason();
                    if (call.write()) {
                        attempts.mayHaveApplied(lost.reason());
                        if (!repeatable) {
                            return new InDoubt(lost.reason());
                        }
                    }
                }
                case XeroHttp.Answered answered -> {
                    Optional<Instant> pausedUntil = limiter.observe(organisation, answered);
                    int status = answered.status();
                    if (status / 100 == 2) {
                        return new Ok(status, parse(answered.body()), answered.raw());
                    }
                    if (status == 401 && !refreshed) {
                        refreshed = true;
                        XeroTokens.Token replaced = tokens.replace(organisation, fresh.accessToken(), calls);
                        if (replaced instanceof XeroTokens.Failed failed) {
                            return new Failed(failed.failure());
                        }
                        attempt--; // the refresh is not a retry of a failing request
                        continue;
                    }
                    if (status == 401 || status == 403) {
                        String reason = status == 401
                                ? "Xero refused a freshly refreshed access token (401): the consent was withdrawn"
                                : "Xero answered 403 (" + XeroErrors.reason(status, answered.body())
                                  + "): the organisation is no longer connected to Arrears or a scope is missing";
                        tokens.needsReconnect(organisation, reason);
                        return new Failed(new LedgerFailure.NeedsReconnect(reason));
                    }
                    if (status == 429) {
                        return new Failed(LedgerFailure.RetryLater.throttled(XeroErrors.reason(status, answered.body()),
                                pausedUntil.orElse(clock.instant().plusSeconds(60))));
                    }
                    if (status == 503 && answered.body().toLowerCase(Locale.ROOT).contains("organisation is offline")) {
                        Instant until = limiter.pause(organisation, config.limits().offlineBackoff(),
                                "Xero says the organisation is offline");
                        return new Failed(new LedgerFailure.RetryLater("Xero says the organisation is offline",
                                Optional.of(until)));
                    }
                    if (status == 404) {
                        return new NotFound(XeroErrors.reason(status, answered.body()));
                    }
                    if (status < 500) {
                        return new Failed(new LedgerFailure.Rejected(XeroErrors.reason(status, answered.body())));
                    }
                    lastProblem = XeroErrors.reason(status, answered.body());
                    // A 500 or a gateway's 502/504 may come after Xero applied the write; a 503 was not served.
                    if (call.write() && status != 503) {
                        attempts.mayHaveApplied(lastProblem);
                        if (!repeatable) {
                            return new InDoubt(lastProblem);
                        }
                    }
                }
            }
        }
        if (attempts.maybeApplied()) {
            return new InDoubt(lastProblem + " (after " + attempt + " attempts)");
        }
        return new Failed(new LedgerFailure.RetryLater(lastProblem + " (after " + attempt + " attempts)", Optional.empty()));
    }

    /** An answer in words, for messages. */
    static String describe(Result result) {
        return switch (result) {
            case Ok ok -> "HTTP " + ok.status();
            case NotFound notFound -> notFound.detail();
            case Failed failed -> failed.failure().reason();
            case InDoubt inDoubt -> inDoubt.reason();
        };
    }

    /**
     * A read made with a token that belongs to no stored connection yet (registering an
     * organisation, before Arrears knows it): no limiter state exists for it, one call is made.
     */
    Result readOnce(String accessToken, String tenantId, Call call) {
        XeroHttp.Exchange exchange = http.send(request(new XeroTokens.Fresh(tenantId, accessToken), call));
        if (exchange instanceof XeroHttp.Answered answered && answered.status() / 100 == 2) {
            return new Ok(answered.status(), parse(answered.body()), answered.raw());
        }
        String reason = switch (exchange) {
            case XeroHttp.Answered answered -> XeroErrors.reason(answered.status(), answered.body());
            case XeroHttp.NotSent notSent -> notSent.reason();
            case XeroHttp.Lost lost -> lost.reason();
        };
        return new Failed(new LedgerFailure.RetryLater(reason, Optional.empty()));
    }

    private XeroHttp.Request request(XeroTokens.Fresh token, Call call) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token.accessToken());
        headers.put("xero-tenant-id", token.tenantId());
        headers.put("Accept", "application/json");
        call.body().ifPresent(b -> headers.put("Content-Type", "application/json"));
        headers.putAll(call.headers());
        return new XeroHttp.Request(call.method(), uri(call), headers, call.body().map(JsonNode::toString));
    }

    private URI uri(Call call) {
        String base = config.apiUrl().toString();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String query = call.query().entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(base + call.path() + (query.isEmpty() ? "" : "?" + query));
    }

    /** Xero wants the whole {@code where} expression URL-encoded; spaces as %20, not '+'. */
    static String encode(String value) {
        return XeroIdentity.encode(value).replace("+", "%20");
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (Exception e) {
            return NullNode.getInstance();
        }
    }
}
