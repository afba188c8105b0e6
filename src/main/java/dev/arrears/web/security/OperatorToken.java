package dev.arrears.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The configured operator token, kept only as a digest so that it cannot leak through a heap dump
 * or a toString, and compared in constant time so that response timing reveals nothing.
 */
public final class OperatorToken {

    static final int MINIMUM_LENGTH = 24;

    private final Optional<byte[]> digest;

    private OperatorToken(Optional<byte[]> digest) {
        this.digest = digest;
    }

    public static OperatorToken from(Optional<String> configured) {
        configured.filter(t -> t.length() < MINIMUM_LENGTH).ifPresent(t -> {
            throw new IllegalStateException("arrears.operator.token (ARREARS_OPERATOR_TOKEN) must be at least "
                    + MINIMUM_LENGTH + " characters; generate one with: openssl rand -base64 32");
        });
        return new OperatorToken(configured.map(OperatorToken::sha256));
    }

    public boolean isConfigured() {
        return digest.isPresent();
    }

    public boolean matches(String presented) {
        return digest.isPresent() && presented != null && MessageDigest.isEqual(digest.get(), sha256(presented));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    @Override
    public String toString() {
        return isConfigured() ? "OperatorToken[configured]" : "OperatorToken[not configured]";
    }
}
