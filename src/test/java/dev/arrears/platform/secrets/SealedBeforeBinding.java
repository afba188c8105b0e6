package dev.arrears.platform.secrets;

import dev.arrears.application.Sealed;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals a value exactly as Arrears did before values were bound to their rows (associated data:
 * the key id alone), to test that such stored values are still read and get re-sealed.
 */
public final class SealedBeforeBinding {

    private SealedBeforeBinding() {
    }

    public static Sealed seal(String base64Key, String plaintext) throws GeneralSecurityException {
        SecretKeys.KeyWithId key = SecretKeys.parse(Optional.of(base64Key));
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(key.id().getBytes(StandardCharsets.US_ASCII));
        byte[] encrypted = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        return new Sealed(key.id(), ByteBuffer.allocate(12 + encrypted.length).put(nonce).put(encrypted).array());
    }

    /** The key of the test profile ({@code %test.arrears.secrets.key}). */
    public static final String TEST_KEY = "dGVzdC1vbmx5LWtleS1ub3Qtc2VjcmV0LTMyYnl0ZXM=";

}
