package dev.arrears.connector.oauth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How access tokens are refreshed, for both providers ({@code arrears.oauth.*}). The token call runs
 * inside the transaction that holds the connection's row lock, so its timeout must stay well inside
 * the transaction timeout ({@code quarkus.transaction-manager.default-transaction-timeout}, 60 s):
 * a refresh that succeeds after the transaction was rolled back would be lost.
 */
@ConfigMapping(prefix = "arrears.oauth")
public interface TokenRefreshConfig {

    /** The longest one token call may take, inside the locked transaction. */
    @WithDefault("PT15S")
    Duration callTimeout();

    /** Token calls per refresh; retries run outside the transaction, after {@link #retryPause()}. */
    @WithDefault("3")
    int attempts();

    /** The pause before a retry, doubled for each further one. */
    @WithDefault("PT2S")
    Duration retryPause();
}
