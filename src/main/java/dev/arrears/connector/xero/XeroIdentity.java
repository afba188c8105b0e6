package dev.arrears.connector.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arrears.application.LedgerConnection;
import dev.arrears.application.OAuthTokens;
import dev.arrears.connector.oauth.TokenEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Xero's identity service: the token endpoint (code exchange, refresh), revocation and the list of
 * connected organisations. Plain HTTP calls, without a managed token filter: Arrears holds one
 * token set per consent, many at once, so no client may keep "the" token in memory.
 */
@ApplicationScoped
class XeroIdentity {

    /** Xero: unused refresh tokens expire after 60 days; each refresh starts the 60 days again. */
    static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(60);

    private final XeroHttp http;
    private final XeroConfig config;
    private final RequestBackoff backoff;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    XeroIdentity(XeroHttp http, XeroConfig config, RequestBackoff backoff, Clock clock) {
        this.http = http;
        this.config = config;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** Why the token endpoint gave no tokens. */
    static final class TokenRefused extends RuntimeException {
        final boolean invalidGrant;
        final boolean transientFailure;

        TokenRefused(String message, boolean invalidGrant, boolean transientFailure) {
            super(message);
            this.invalidGrant = invalidGrant;
            this.transientFailure = transientFailure;
        }
    }

    /** Tokens with the consent's authentication event (from the access token's claims). */
    record Granted(OAuthTokens tokens, String scopes, Optional<String> authEventId) {
    }

    record Connection(String id, String tenantId, String tenantType, String tenantName) {
    }

    Granted exchangeCode(String code, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", config.redirectUri().map(URI::toString)
                .orElseThrow(() -> new IllegalStateException("arrears.xero.redirect-uri is not set")));
        form.put("code_verifier", codeVerifier);
        return tokenCall(form);
    }

    /**
     * Spends a refresh token obtained elsewhere (registration from a refresh token, outside any
     * transaction), retrying a lost answer with the same token. Throws {@link TokenRefused}.
     */
    Granted refresh(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return tokenCall(form);
    }

    /**
     * Spends the connection's refresh token in one call, for the shared {@link TokenRefresher} (which
     * retries outside the transaction). A lost answer can be recovered by a later try with the same
     * token: Xero accepts the previous refresh token for 30 minutes after a rotation.
     */
    TokenEndpoint.TokenAnswer refreshOnce(LedgerConnection current, Duration timeout) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", current.tokens().refreshToken());
        XeroHttp.Exchange exchange = http.send(tokenRequest(form), timeout);
        if (!(exchange instanceof XeroHttp.Answered a)) {
            return new TokenEndpoint.TryAgain(describe(exchange));
        }
        // A 429 (too many token requests) passes like a 5xx: try again later; never a refusal.
        if (a.status() >= 500 || a.status() == 429) {
            return new TokenEndpoint.TryAgain("HTTP " + a.status());
        }
        try {
            if (a.status() != 200) {
                String error = errorCode(a.body());
                return "invalid_grant".equals(error) ? new TokenEndpoint.InvalidGrant(error)
                        : new TokenEndpoint.Refused(error + " (HTTP " + a.status() + ")");
            }
            return new TokenEndpoint.Issued(granted(read(a.body())).tokens());
        } catch (TokenRefused refused) {
            return refused.transientFailure ? new TokenEndpoint.TryAgain(refused.getMessage())
                    : new TokenEndpoint.Refused(refused.getMessage());
        }
    }

    /** Revokes the refresh token: Xero drops every connection made with it. */
    void revoke(String refreshToken) {
        Map<String, String> form = Map.of("token", refreshToken);
        XeroHttp.Exchange exchange = http.send(new XeroHttp.Request("POST", identity("/connect/revocation"),
                Map.of("Authorization", basic(), "Content-Type", "application/x-www-form-urlencoded"),
                Optional.of(formBody(form))));
        if (!(exchange instanceof XeroHttp.Answered a) || a.status() / 100 != 2) {
            throw new TokenRefused("Xero did not confirm the revocation (" + describe(exchange) + ")", false, true);
        }
    }

    List<Connection> connections(String accessToken, Optional<String> authEventId) {
        URI uri = authEventId.map(id -> URI.create(config.connectionsUrl() + "?authEventId=" + encode(id)))
                .orElse(config.connectionsUrl());
        XeroHttp.Exchange exchange = http.send(new XeroHttp.Request("GET", uri,
                Map.of("Authorization", "Bearer " + accessToken, "Accept", "application/json"), Optional.empty()));
        if (!(exchange instanceof XeroHttp.Answered a) || a.status() != 200) {
            throw new TokenRefused("Xero did not list the connections (" + describe(exchange) + ")", false, true);
        }
        List<Connection> list = new ArrayList<>();
        for (JsonNode c : read(a.body())) {
            list.add(new Connection(c.path("id").asText(), c.path("tenantId").asText(), c.path("tenantType").asText(""),
                    c.path("tenantName").asText("")));
        }
        return list;
    }

    /** Disconnects one organisation from the app, leaving the token set's other organisations connected. */
    void deleteConnection(String accessToken, String connectionId) {
        XeroHttp.Exchange exchange = http.send(new XeroHttp.Request("DELETE",
                URI.create(config.connectionsUrl() + "/" + encode(connectionId)),
                Map.of("Authorization", "Bearer " + accessToken), Optional.empty()));
        if (!(exchange instanceof XeroHttp.Answered a) || (a.status() != 204 && a.status() != 404)) {
            throw new TokenRefused("Xero did not remove the connection (" + describe(exchange) + ")", false, true);
        }
    }

    private XeroHttp.Request tokenRequest(Map<String, String> form) {
        return new XeroHttp.Request("POST", identity("/connect/token"),
                Map.of("Authorization", basic(), "Content-Type", "application/x-www-form-urlencoded",
                        "Accept", "application/json"),
                Optional.of(formBody(form)));
    }

    private Granted tokenCall(Map<String, String> form) {
        XeroHttp.Request request = tokenRequest(form);
        XeroHttp.Exchange last = null;
        for (int attempt = 1; attempt <= backoff.attempts(); attempt++) {
            if (attempt > 1) {
                backoff.before(attempt);
            }
            last = http.send(request);
            if (last instanceof XeroHttp.Answered a) {
                if (a.status() == 200) {
                    return granted(read(a.body()));
                }
                // A 429 (too many token requests) passes like a 5xx: try again, then later; never a refusal.
                if (a.status() < 500 && a.status() != 429) {
                    String error = errorCode(a.body());
                    throw new TokenRefused("Xero's token endpoint refused the request: " + error, "invalid_grant".equals(error),
                            false);
                }
            }
        }
        throw new TokenRefused("Xero's token endpoint did not answer usefully (" + describe(last) + ")", false, true);
    }

    private Granted granted(JsonNode body) {
        String access = body.path("access_token").asText("");
        String refresh = body.path("refresh_token").asText("");
        if (access.isBlank() || refresh.isBlank()) {
            throw new TokenRefused("Xero's token answer lacks an access or refresh token (is offline_access granted?)",
                    false, false);
        }
        Instant now = clock.instant();
        long expiresIn = body.path("expires_in").asLong(1800);
        OAuthTokens tokens = new OAuthTokens(access, now.plusSeconds(expiresIn), refresh,
                Optional.of(now.plus(REFRESH_TOKEN_LIFETIME)), Optional.empty());
        String scopes = body.path("scope").asText(String.join(" ", config.scopes()));
        return new Granted(tokens, scopes, claim(access, "authentication_event_id"));
    }

    /**
     * Reads one claim of the access token (a JWT) without checking its signature: the token came
     * straight from Xero's token endpoint over TLS, and it is only used to pick this consent's
     * organisations, never to grant anything.
     */
    Optional<String> claim(String jwt, String name) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return Optional.ofNullable(claims.get(name)).map(JsonNode::asText).filter(s -> !s.isBlank());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private String errorCode(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node.path("error").asText("unknown error");
        } catch (Exception e) {
            return "unreadable answer";
        }
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new TokenRefused("Xero's identity service sent something that is not JSON", false, true);
        }
    }

    private URI identity(String path) {
        String base = config.identityUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    private String basic() {
        String id = config.clientId().orElseThrow(() -> new IllegalStateException("arrears.xero.client-id is not set"));
        String secret = config.clientSecret().orElseThrow(() -> new IllegalStateException("arrears.xero.client-secret is not set"));
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static String formBody(Map<String, String> form) {
        return form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String describe(XeroHttp.Exchange exchange) {
        return switch (exchange) {
            case null -> "not sent";
            case XeroHttp.Answered a -> "HTTP " + a.status();
            case XeroHttp.NotSent n -> n.reason();
            case XeroHttp.Lost l -> l.reason();
        };
    }
}
