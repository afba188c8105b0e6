package dev.arrears.domain.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The stable key of a stage or a fee rule: the part of an action key that says which stage or rule planned the action,
 * so it must differ between any two stages (or rules) of a policy and never change while invoices are in them.
 *
 * <p>Written as {@code key:} in a policy; by default derived from the name. The default is the ASCII slug of the name
 * ("Final notice" gives {@code final-notice}), exactly what action keys held before keys could be written, so keys
 * already stored keep matching. A name with no ASCII letter or digit ("最終通知") has no slug; it gets {@code x-} and 8
 * hex digits of the SHA-256 of its UTF-8 bytes instead (migration V10 rewrote the keys such names had stored). A slug
 * longer than {@link #MAX_LENGTH} is cut and given the same hash, so the whole action key fits its column.
 */
public final class StableKey {

    /** Leaves room in the 200-character action key for the organisation, a 36-character invoice id and the kind. */
    public static final int MAX_LENGTH = 80;
    static final Pattern ALLOWED = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int HASH_DIGITS = 8;

    private StableKey() {
    }

    /** The key a stage or rule gets when its policy writes none. */
    public static String defaultFor(String name) {
        String slug = slug(name);
        if (slug.isEmpty()) {
            return "x-" + hash(name);
        }
        if (slug.length() > MAX_LENGTH) {
            String cut = slug.substring(0, MAX_LENGTH - HASH_DIGITS - 1).replaceAll("-$", "");
            return cut + "-" + hash(name);
        }
        return slug;
    }

    /** Lower-case ASCII letters and digits, everything else folded into single hyphens, none at either end. */
    public static String slug(String text) {
        // By hand, not with two regular expressions: every action key planned is slugged, and the
        // regular expressions were a twentieth of a first cycle's CPU (JFR, BENCHMARKS.md).
        String lower = text.trim().toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && !b.isEmpty()) {
                    b.append('-');
                }
                gap = false;
                b.append(c);
            } else {
                gap = true;
            }
        }
        return b.toString();
    }

    /** Why {@code key} cannot be used, or empty when it can. */
    public static Optional<String> problem(String key) {
        if (key.isEmpty()) {
            return Optional.of("is empty");
        }
        if (key.length() > MAX_LENGTH) {
            return Optional.of("has " + key.length() + " characters, more than " + MAX_LENGTH);
        }
        if (!ALLOWED.matcher(key).matches()) {
            return Optional.of("'" + key + "' has characters other than lower-case letters a-z, digits and single hyphens");
        }
        return Optional.empty();
    }

    private static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
