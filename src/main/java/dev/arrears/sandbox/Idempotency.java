package dev.arrears.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stored responses of idempotent writes. Xero: {@code Idempotency-Key}, per app, kept 6 minutes
 * (wall clock) from the first call; a different request with the same key is refused. QuickBooks:
 * {@code requestid}, per realm, kept for the life of the sandbox (NOTES §7: observed to outlive the
 * entity); the original response is replayed whatever the new body.
 */
final class Idempotency {

    record Stored(String fingerprint, Resp response, long storedWallMillis, String entityId) {
    }

    private final Map<String, Stored> stored = new LinkedHashMap<>();

    synchronized Stored find(String scope, String key, long ttlMillis, long wallMillis) {
        Stored s = stored.get(scope + "\u0000" + key);
        if (s == null) {
            return null;
        }
        if (ttlMillis > 0 && wallMillis - s.storedWallMillis() >= ttlMillis) {
            stored.remove(scope + "\u0000" + key);
            return null;
        }
        return s;
    }

    synchronized void store(String scope, String key, String fingerprint, Resp response, long wallMillis, String entityId) {
        stored.putIfAbsent(scope + "\u0000" + key, new Stored(fingerprint, response, wallMillis, entityId));
    }

    static String fingerprint(Req req) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(req.method.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(req.path.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(req.body);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
