package dev.arrears.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.application.Sealed;
import dev.arrears.application.SecretUnreadableException;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plain JUnit: the sealer needs no container. */
class AesGcmSecretSealerTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    final AesGcmSecretSealer sealer = new AesGcmSecretSealer(SecretKeys.parse(Optional.of(KEY)));

    @Test
    void seals_and_opens_with_a_fresh_nonce_each_time() {
        Sealed first = sealer.seal("refresh-token-é");
        Sealed second = sealer.seal("refresh-token-é");

        assertThat(first).isNotEqualTo(second);
        assertThat(sealer.open(first)).isEqualTo("refresh-token-é");
        assertThat(sealer.open(second)).isEqualTo("refresh-token-é");
        assertThat(first.keyId()).isEqualTo(second.keyId()).matches("k[0-9a-f]{12}");
        assertThat(first.toString()).doesNotContain("refresh");
    }

    @Test
    void any_altered_byte_is_refused() {
        Sealed sealed = sealer.seal("secret");
        for (int i = 0; i < sealed.ciphertext().length; i++) {
            byte[] bytes = sealed.ciphertext();
            bytes[i] ^= 0x01;
            Sealed altered = new Sealed(sealed.keyId(), bytes);
            assertThatThrownBy(() -> sealer.open(altered)).isInstanceOf(SecretUnreadableException.class);
        }
        assertThatThrownBy(() -> sealer.open(new Sealed(sealed.keyId(), new byte[5])))
                .isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void a_value_sealed_under_another_key_names_both_key_ids_and_nothing_else() {
        Sealed foreign = new AesGcmSecretSealer(SecretKeys.parse(Optional.of(OTHER_KEY))).seal("secret");

        assertThatThrownBy(() -> sealer.open(foreign)).isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining(foreign.keyId()).hasMessageContaining("arrears.secrets.key")
                .hasMessageNotContaining("secret\"");
        // Relabelling the value with our key id does not help: the id is authenticated with the value.
        assertThatThrownBy(() -> sealer.open(new Sealed(sealer.seal("x").keyId(), foreign.ciphertext())))
                .isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void a_missing_or_malformed_key_stops_with_a_message_naming_the_setting() {
        assertThatThrownBy(() -> SecretKeys.parse(Optional.empty())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("arrears.secrets.key").hasMessageContaining("ARREARS_SECRETS_KEY")
                .hasMessageContaining("is not set");
        assertThatThrownBy(() -> SecretKeys.parse(Optional.of("  "))).hasMessageContaining("is not set");
        assertThatThrownBy(() -> SecretKeys.parse(Optional.of("not base64 at all!")))
                .hasMessageContaining("arrears.secrets.key").hasMessageContaining("not valid base64")
                .hasMessageNotContaining("not base64 at all");
        assertThatThrownBy(() -> SecretKeys.parse(Optional.of(Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("decodes to 16 bytes; it must be exactly 32");
    }
}
