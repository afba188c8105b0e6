package dev.arrears.connector.oauth;

import dev.arrears.application.LedgerConnection;
import dev.arrears.application.OAuthTokens;
import java.time.Duration;
import java.util.Objects;

/**
 * One provider's token endpoint, as the {@link TokenRefresher} uses it: one call that spends the
 * connection's refresh token, no retries (the refresher retries, outside the transaction), answered
 * within {@code timeout}. Everything provider-specific (URL, authentication, how lifetimes and
 * errors are spelt) lives behind this.
 */
@FunctionalInterface
public interface TokenEndpoint {

    TokenAnswer refresh(LedgerConnection current, Duration timeout);

    /** What one call to a token endpoint gave. */
    sealed interface TokenAnswer {
    }

    /** New tokens: from now on the provider may accept only these. */
    record Issued(OAuthTokens tokens) implements TokenAnswer {
        public Issued {
            Objects.requireNonNull(tokens, "tokens");
        }
    }

    /** {@code invalid_grant}: the refresh token is dead for good; a person must reconnect. */
    record InvalidGrant(String reason) implements TokenAnswer {
    }

    /** Nothing usable came back (5xx, 429, timeout, unreachable): the call may be made again later. */
    record TryAgain(String reason) implements TokenAnswer {
    }

    /** Refused for a reason retrying cannot mend (bad client credentials, a malformed answer). */
    record Refused(String reason) implements TokenAnswer {
    }
}
