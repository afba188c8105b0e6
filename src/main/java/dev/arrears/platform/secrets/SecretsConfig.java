package dev.arrears.platform.secrets;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** {@code arrears.secrets.*}: the key that seals secrets at rest, and the earlier keys still read. */
@ConfigMapping(prefix = "arrears.secrets")
public interface SecretsConfig {

    /**
     * Base64 of 32 random bytes ({@code openssl rand -base64 32}); env {@code ARREARS_SECRETS_KEY}.
     * Optional here only so that a missing key is reported by {@link SecretKeys} with a useful message.
     */
    Optional<String> key();

    /**
     * Keys used before the current one, comma-separated, same form; env {@code ARREARS_SECRETS_OLD_KEYS}.
     * Values sealed under them are read (each names its key by id) until {@code reseal-secrets} has
     * sealed everything under the current key; then they can be removed.
     */
    Optional<List<String>> oldKeys();
}
