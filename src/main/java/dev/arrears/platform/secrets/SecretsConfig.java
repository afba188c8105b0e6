package dev.arrears.platform.secrets;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** {@code arrears.secrets.*}: the key that seals secrets at rest. */
@ConfigMapping(prefix = "arrears.secrets")
public interface SecretsConfig {

    /**
     * Base64 of 32 random bytes ({@code openssl rand -base64 32}); env {@code ARREARS_SECRETS_KEY}.
     * Optional here only so that a missing key is reported by {@link SecretKeys} with a useful message.
     */
    Optional<String> key();
}
