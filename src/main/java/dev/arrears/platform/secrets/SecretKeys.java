package dev.arrears.platform.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns the configured key text into an AES-256 key and its id. The id is derived from the key (a
 * short hash), so an id can never name two different keys; when keys rotate, values sealed under
 * the old key still say which key they need.
 */
final class SecretKeys {

    static final String SETTING = "arrears.secrets.key (environment variable ARREARS_SECRETS_KEY)";
    static final String OLD_SETTING = "arrears.secrets.old-keys (environment variable ARREARS_SECRETS_OLD_KEYS)";

    record KeyWithId(String id, SecretKey key) {
        @Override
        public String toString() {
            return "KeyWithId[id=" + id + "]";
        }
    }

    private SecretKeys() {
    }

    /** One of the earlier keys: the same form, and the same messages, naming the old-keys setting. */
    static KeyWithId parseOld(String configured) {
        try {
            return parse(Optional.of(configured));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("a key in " + OLD_SETTING + " is malformed: " + e.getMessage()
                    .replace(SETTING + " ", "it "), null);
        }
    }

    static KeyWithId parse(Optional<String> configured) {
        String text = configured.map(String::trim).filter(s -> !s.isEmpty()).orElseThrow(() -> new IllegalStateException(
                SETTING + " is not set. Arrears encrypts OAuth tokens at rest and needs a 256-bit key: "
                        + "set it to the base64 of 32 random bytes, for example the output of `openssl rand -base64 32`."));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            // The value itself is a secret: never echo it.
            throw new IllegalStateException(SETTING + " is not valid base64. It must be the base64 of 32 random bytes "
                    + "(for example the output of `openssl rand -base64 32`).");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(SETTING + " decodes to " + bytes.length + " bytes; it must be exactly 32 "
                    + "(AES-256). Generate one with `openssl rand -base64 32`.");
        }
        return new KeyWithId(idOf(bytes), new SecretKeySpec(bytes, "AES"));
    }

    private static String idOf(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("arrears-secret-key-id:".getBytes(StandardCharsets.US_ASCII));
            return "k" + HexFormat.of().formatHex(sha.digest(key), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
