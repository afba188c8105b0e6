package dev.arrears.connector.quickbooks;

import dev.arrears.application.OAuthTokens;
import java.time.Instant;
import java.util.Optional;

/**
 * What Intuit's token endpoint returned. Lifetimes are seconds from the response; the hard expiry
 * comes only when asked for (header {@code x-include-refresh-token-hard-expires-in}).
 */
record TokenGrant(String accessToken, long expiresIn, String refreshToken, Optional<Long> refreshExpiresIn,
                  Optional<Long> refreshHardExpiresIn) {

    /** The tokens to store; a hard expiry Intuit did not repeat is kept from before. */
    OAuthTokens toTokens(Instant now, Optional<Instant> previousHardExpiry) {
        return new OAuthTokens(accessToken, now.plusSeconds(expiresIn), refreshToken,
                refreshExpiresIn.map(now::plusSeconds),
                refreshHardExpiresIn.map(now::plusSeconds).or(() -> previousHardExpiry));
    }

    @Override
    public String toString() {
        return "TokenGrant[accessToken=***, expiresIn=" + expiresIn + ", refreshToken=***]";
    }
}
