package dev.arrears.connector.quickbooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.application.LedgerConnection;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.connector.oauth.TokenEndpoint;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Intuit's OAuth 2.0 endpoints, called statelessly: the tokens live in the connection store, never
 * in here. Token values are never logged.
 */
@ApplicationScoped
class IntuitOAuth {

    private final QuickBooksConfig settings;
    private final IntuitHttp http;

    IntuitOAuth(QuickBooksConfig settings, IntuitHttp http) {
        this.settings = settings;
        this.http = http;
    }

    URI authorizeUrl(String state) {
        String query = "client_id=" + enc(clientId()) + "&response_type=code&scope=" + enc(settings.scope())
                + "&redirect_uri=" + enc(redirectUri()) + "&state=" + enc(state);
        String base = settings.authorizeUrl().toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + query);
    }

    TokenGrant exchangeCode(String code) {
        return tokenCall("grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(redirectUri()),
                settings.http().requestTimeout());
    }

    TokenGrant refresh(String refreshToken) {
        return tokenCall("grant_type=refresh_token&refresh_token=" + enc(refreshToken), settings.http().requestTimeout());
    }

    /**
     * Spends the connection's refresh token in one call, for the shared token refresher. Intuit
     * may invalidate the spent token as soon as it answers, so the answer's tokens are the only ones
     * left: the refresher stores them whatever happens.
     */
    TokenEndpoint.TokenAnswer refreshOnce(LedgerConnection current, Duration timeout, Clock clock) {
        try {
            TokenGrant grant = tokenCall("grant_type=refresh_token&refresh_token=" + enc(current.tokens().refreshToken()),
                    timeout);
            return new TokenEndpoint.Issued(grant.toTokens(clock.instant(), current.tokens().refreshTokenHardExpiresAt()));
        } catch (InvalidGrant e) {
            return new TokenEndpoint.InvalidGrant(e.getMessage());
        } catch (QboProblem problem) {
            return problem.failure() instanceof LedgerFailure.RetryLater ? new TokenEndpoint.TryAgain(problem.failure().reason())
                    : new TokenEndpoint.Refused(problem.failure().reason());
        }
    }

    /**
     * Whether a freshly granted access token belongs to the company a callback names. Intuit puts the
     * realm id beside the code in the redirect, where anyone can change it; only Intuit's answer to
     * that company's {@code companyinfo} with the new token proves the pair. 401 and 403 say no;
     * anything else (5xx, no answer) says nothing either way, so the caller gives up for now.
     */
    boolean tokenReachesRealm(String accessToken, String realmId) {
        String base = settings.apiUrl().toString().replaceAll("/+$", "");
        String realm = enc(realmId);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v3/company/" + realm + "/companyinfo/" + realm
                        + "?minorversion=" + settings.minorVersion()))
                .timeout(settings.http().requestTimeout())
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 200) {
            return true;
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            return false;
        }
        throw unexpected("checking which QuickBooks company the new tokens belong to", response);
    }

    /** Revokes the token (and with a refresh token, the whole connection). */
    void revoke(String token) {
        String body = QboJson.write(QboJson.object().put("token", token));
        HttpRequest request = HttpRequest.newBuilder(settings.revokeUrl())
                .timeout(settings.http().requestTimeout())
                .header("Authorization", basic())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = send(request);
        // 400 means Intuit no longer knows the token: it is as revoked as it can be.
        if (response.statusCode() != 200 && response.statusCode() != 400) {
            throw unexpected("revoking the QuickBooks token", response);
        }
    }

    private TokenGrant tokenCall(String form, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(settings.tokenUrl())
                .timeout(timeout)
                .header("Authorization", basic())
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("x-include-refresh-token-hard-expires-in", "true")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = send(request);
        JsonNode body;
        try {
            body = QboJson.parse(response.body());
        } catch (JsonProcessingException e) {
            throw unexpected("the QuickBooks token endpoint answered without JSON", response);
        }
        if (response.statusCode() == 200) {
            Optional<String> access = QboJson.text(body, "access_token");
            Optional<String> refresh = QboJson.text(body, "refresh_token");
            if (access.isEmpty() || refresh.isEmpty()) {
                throw new QboProblem(new LedgerFailure.RetryLater(
                        "the QuickBooks token endpoint answered without tokens", Optional.empty()));
            }
            return new TokenGrant(access.get(), body.path("expires_in").asLong(3600), refresh.get(),
                    seconds(body, "x_refresh_token_expires_in"), seconds(body, "x_refresh_token_hard_expires_in"));
        }
        String error = QboJson.text(body, "error").orElse("");
        String description = QboJson.text(body, "error_description").orElse("");
        if (error.equals("invalid_grant")) {
            throw new InvalidGrant(description);
        }
        if (error.equals("invalid_client") || response.statusCode() == 401) {
            throw new QboProblem(new LedgerFailure.Rejected("Intuit does not accept the app's client id and secret ("
                    + error + "): check arrears.quickbooks.client-id and client-secret"));
        }
        throw unexpected("the QuickBooks token endpoint refused the request (" + error + " " + description + ")", response);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request);
        } catch (IOException e) {
            // A refresh whose answer was lost may already have rotated the token; nothing to do but try again.
            Log.warnf("Intuit OAuth endpoint %s unreachable: %s", request.uri().getHost(), e.toString());
            throw new QboProblem(new LedgerFailure.RetryLater("the QuickBooks OAuth endpoint could not be reached: "
                    + e.getClass().getSimpleName(), Optional.empty()), !IntuitHttp.neverSent(e), List.of());
        }
    }

    private static QboProblem unexpected(String what, HttpResponse<String> response) {
        LedgerFailure failure = response.statusCode() >= 500 || response.statusCode() == 429
                ? new LedgerFailure.RetryLater(what + " (HTTP " + response.statusCode() + ")", Optional.empty())
                : new LedgerFailure.Rejected(what + " (HTTP " + response.statusCode() + ")");
        return new QboProblem(failure);
    }

    private static Optional<Long> seconds(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || !value.canConvertToLong() ? Optional.empty() : Optional.of(value.asLong());
    }

    private String basic() {
        String secret = settings.clientSecret().orElseThrow(() -> notConfigured("client-secret"));
        return "Basic " + Base64.getEncoder().encodeToString((clientId() + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private String clientId() {
        return settings.clientId().orElseThrow(() -> notConfigured("client-id"));
    }

    private String redirectUri() {
        return settings.redirectUri().map(URI::toString).orElseThrow(() -> notConfigured("redirect-uri"));
    }

    private static QboProblem notConfigured(String key) {
        return new QboProblem(new LedgerFailure.Rejected("arrears.quickbooks." + key + " is not configured"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
