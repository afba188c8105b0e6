package dev.arrears.connector.xero;

import dev.arrears.domain.dunning.ActionKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Xero's {@code Idempotency-Key} for each step of an action. One action may send several requests
 * (an email and a note), and Xero refuses a key reused for a different request, so each step gets
 * its own key derived from the action key. Xero allows 128 characters; longer keys are hashed.
 */
final class IdempotencyKeys {

    private static final int MAX = 128;

    private IdempotencyKeys() {
    }

    static String of(ActionKey key, String step) {
        String plain = key.value() + ":" + step;
        if (plain.length() <= MAX) {
            return plain;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plain.getBytes(StandardCharsets.UTF_8));
            return "arrears-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The marker a history note carries, so an earlier attempt can be recognised. */
    static String noteMarker(ActionKey key) {
        return "[arrears " + key.value() + "]";
    }
}
