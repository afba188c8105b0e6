package dev.arrears.application;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The token pair of a connection, in the clear: handle with care. {@link #toString()} never shows
 * the tokens, so a stray log line cannot leak them.
 *
 * @param refreshTokenExpiresAt     rolling expiry, renewed by each refresh
 * @param refreshTokenHardExpiresAt absolute limit, where the provider has one
 */
public record OAuthTokens(String accessToken, Instant accessTokenExpiresAt, String refreshToken,
                          Optional<Instant> refreshTokenExpiresAt, Optional<Instant> refreshTokenHardExpiresAt) {

    public OAuthTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(refreshTokenExpiresAt, "refreshTokenExpiresAt");
        Objects.requireNonNull(refreshTokenHardExpiresAt, "refreshTokenHardExpiresAt");
    }

    @Override
    public String toString() {
        return "OAuthTokens[accessToken=***, accessTokenExpiresAt=" + accessTokenExpiresAt + ", refreshToken=***, refreshTokenExpiresAt="
                + refreshTokenExpiresAt.map(Instant::toString).orElse("-") + ", refreshTokenHardExpiresAt="
                + refreshTokenHardExpiresAt.map(Instant::toString).orElse("-") + "]";
    }
}
