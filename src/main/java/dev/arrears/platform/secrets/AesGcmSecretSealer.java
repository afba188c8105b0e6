package dev.arrears.platform.secrets;

import dev.arrears.application.Sealed;
import dev.arrears.application.SecretSealer;
import dev.arrears.application.SecretUnreadableException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a fresh random 12-byte nonce per value. A sealed value is
 * {@code nonce || ciphertext || 16-byte tag}. The associated data binds the key id and the place
 * the value is stored (table, column, row), so a value can be neither relabelled to another key nor
 * moved to another row or column. Any alteration makes {@link #open} fail rather than return
 * something wrong.
 *
 * <p>Keys rotate: values are sealed under the current key and opened under whichever configured key
 * their id names. Values sealed before binding existed carry the bare key id ({@code kXXXX}) and were
 * bound to that id alone; they still open, and {@code reseal-secrets} seals them again, bound
 * ({@code kXXXX.b}).
 *
 * <p>{@link Startup} so that a missing or malformed key stops start-up, not the first token refresh.
 */
@Startup
@ApplicationScoped
public class AesGcmSecretSealer implements SecretSealer {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Marks a key id whose values are bound to their place as well. */
    private static final String BOUND = ".b";

    private final SecretKeys.KeyWithId current;
    private final Map<String, SecretKeys.KeyWithId> readable = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    @Inject
    public AesGcmSecretSealer(SecretsConfig config) {
        this(SecretKeys.parse(config.key()), config.oldKeys().orElse(List.of()).stream()
                .filter(k -> !k.isBlank()).map(k -> SecretKeys.parseOld(k)).toList());
    }

    AesGcmSecretSealer(SecretKeys.KeyWithId key) {
        this(key, List.of());
    }

    AesGcmSecretSealer(SecretKeys.KeyWithId key, List<SecretKeys.KeyWithId> older) {
        this.current = Objects.requireNonNull(key, "key");
        readable.put(current.id(), current);
        older.forEach(k -> readable.putIfAbsent(k.id(), k));
    }

    @Override
    public Sealed seal(String plaintext, String boundTo) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        String label = current.id() + BOUND;
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, current.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(label, boundTo));
            byte[] encrypted = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return new Sealed(label, ByteBuffer.allocate(NONCE_BYTES + encrypted.length).put(nonce).put(encrypted).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    @Override
    public String open(Sealed sealed, String boundTo) {
        Objects.requireNonNull(sealed, "sealed");
        boolean bound = sealed.keyId().endsWith(BOUND);
        String keyId = bound ? sealed.keyId().substring(0, sealed.keyId().length() - BOUND.length()) : sealed.keyId();
        SecretKeys.KeyWithId key = readable.get(keyId);
        if (key == null) {
            throw new SecretUnreadableException("a stored secret was sealed with key " + keyId
                    + ", but the configured keys are " + String.join(", ", readable.keySet()) + " (" + SecretKeys.SETTING
                    + " and " + SecretKeys.OLD_SETTING + ")", null);
        }
        byte[] bytes = sealed.ciphertext();
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretUnreadableException("a stored secret is too short to be an AES-GCM value", null);
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            // An unbound value (sealed before binding) was bound to its key id alone.
            cipher.updateAAD(bound ? associatedData(sealed.keyId(), boundTo) : keyId.getBytes(StandardCharsets.US_ASCII));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretUnreadableException("a stored secret failed its integrity check: it was altered, moved from "
                    + "another row or column, or sealed under a different key", e);
        } catch (GeneralSecurityException e) {
            throw new SecretUnreadableException("a stored secret could not be decrypted", e);
        }
    }

    @Override
    public boolean isCurrent(Sealed sealed) {
        return sealed.keyId().equals(current.id() + BOUND);
    }

    private static byte[] associatedData(String label, String boundTo) {
        return ("arrears-sealed\u0000" + label + "\u0000" + Objects.requireNonNull(boundTo, "boundTo"))
                .getBytes(StandardCharsets.UTF_8);
    }
}
