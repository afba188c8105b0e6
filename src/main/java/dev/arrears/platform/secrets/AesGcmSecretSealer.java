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
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a fresh random 12-byte nonce per value. A sealed value is
 * {@code nonce || ciphertext || 16-byte tag}; the key id is bound in as associated data, so a value
 * cannot be relabelled to another key. Any alteration makes {@link #open} fail rather than return
 * something wrong.
 *
 * <p>{@link Startup} so that a missing or malformed key stops start-up, not the first token refresh.
 */
@Startup
@ApplicationScoped
public class AesGcmSecretSealer implements SecretSealer {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeys.KeyWithId current;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public AesGcmSecretSealer(SecretsConfig config) {
        this(SecretKeys.parse(config.key()));
    }

    AesGcmSecretSealer(SecretKeys.KeyWithId key) {
        this.current = Objects.requireNonNull(key, "key");
    }

    @Override
    public Sealed seal(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, current.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(current.id().getBytes(StandardCharsets.US_ASCII));
            byte[] encrypted = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return new Sealed(current.id(), ByteBuffer.allocate(NONCE_BYTES + encrypted.length).put(nonce).put(encrypted).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    @Override
    public String open(Sealed sealed) {
        Objects.requireNonNull(sealed, "sealed");
        if (!sealed.keyId().equals(current.id())) {
            // Only one key for now; rotation will add the previous keys here, looked up by id.
            throw new SecretUnreadableException("a stored secret was sealed with key " + sealed.keyId()
                    + ", but the configured key is " + current.id() + " (" + SecretKeys.SETTING + ")", null);
        }
        byte[] bytes = sealed.ciphertext();
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretUnreadableException("a stored secret is too short to be an AES-GCM value", null);
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, current.key(), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(current.id().getBytes(StandardCharsets.US_ASCII));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretUnreadableException("a stored secret failed its integrity check: it was altered or "
                    + "sealed under a different key", e);
        } catch (GeneralSecurityException e) {
            throw new SecretUnreadableException("a stored secret could not be decrypted", e);
        }
    }
}
