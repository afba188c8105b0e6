package dev.arrears.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.application.Sealed;
import dev.arrears.application.SecretUnreadableException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plain JUnit: the sealer needs no container. */
class AesGcmSecretSealerTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    static final String HERE = "ledger_connection.refresh_token:org-a";

    final AesGcmSecretSealer sealer = new AesGcmSecretSealer(SecretKeys.parse(Optional.of(KEY)));

    @Test
    void a_value_moved_to_another_row_or_column_does_not_open() {
        Sealed sealed = sealer.seal("refresh-token", HERE);

        assertThatThrownBy(() -> sealer.open(sealed, "ledger_connection.refresh_token:org-b"))
                .isInstanceOf(SecretUnreadableException.class).hasMessageContaining("moved from another row or column");
        assertThatThrownBy(() -> sealer.open(sealed, "ledger_connection.access_token:org-a"))
                .isInstanceOf(SecretUnreadableException.class);
        assertThat(sealer.open(sealed, HERE)).isEqualTo("refresh-token");
    }

    @Test
    void after_a_rotation_values_under_the_old_key_still_open_and_are_not_current() {
        AesGcmSecretSealer before = new AesGcmSecretSealer(SecretKeys.parse(Optional.of(OTHER_KEY)));
        Sealed old = before.seal("refresh-token", HERE);
        AesGcmSecretSealer rotated = new AesGcmSecretSealer(SecretKeys.parse(Optional.of(KEY)),
                List.of(SecretKeys.parseOld(OTHER_KEY)));

        assertThat(rotated.open(old, HERE)).isEqualTo("refresh-token");
        assertThat(rotated.isCurrent(old)).isFalse();
        Sealed again = rotated.seal(rotated.open(old, HERE), HERE);
        assertThat(rotated.isCurrent(again)).isTrue();
        assertThatThrownBy(() -> before.open(again, HERE)).isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("arrears.secrets.old-keys");
    }

    @Test
    void a_value_sealed_before_binding_still_opens_and_is_due_for_resealing() throws Exception {
        Sealed legacy = SealedBeforeBinding.seal(KEY, "refresh-token");

        assertThat(sealer.open(legacy, HERE)).isEqualTo("refresh-token");
        assertThat(sealer.isCurrent(legacy)).isFalse();
    }

    @Test
    void seals_and_opens_with_a_fresh_nonce_each_time() {
        Sealed first = sealer.seal("refresh-token-é", HERE);
        Sealed second = sealer.seal("refresh-token-é", HERE);

        assertThat(first).isNotEqualTo(second);
        assertThat(sealer.open(first, HERE)).isEqualTo("refresh-token-é");
        assertThat(sealer.open(second, HERE)).isEqualTo("refresh-token-é");
        assertThat(first.keyId()).isEqualTo(second.keyId()).matches("k[0-9a-f]{12}\\.b");
        assertThat(first.toString()).doesNotContain("refresh");
    }

    @Test
    void any_altered_byte_is_refused() {
        Sealed sealed = sealer.seal("secret", HERE);
        for (int i = 0; i < sealed.ciphertext().length; i++) {
            byte[] bytes = sealed.ciphertext();
            bytes[i] ^= 0x01;
            Sealed altered = new Sealed(sealed.keyId(), bytes);
            assertThatThrownBy(() -> sealer.open(altered, HERE)).isInstanceOf(SecretUnreadableException.class);
        }
        assertThatThrownBy(() -> sealer.open(new Sealed(sealed.keyId(), new byte[5]), HERE))
                .isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void a_value_sealed_under_another_key_names_both_key_ids_and_nothing_else() {
        Sealed foreign = new AesGcmSecretSealer(SecretKeys.parse(Optional.of(OTHER_KEY))).seal("secret", HERE);

        assertThatThrownBy(() -> sealer.open(foreign, HERE)).isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining(foreign.keyId().replace(".b", "")).hasMessageContaining("arrears.secrets.key")
                .hasMessageNotContaining("secret\"");
        // Relabelling the value with our key id does not help: the id is authenticated with the value.
        assertThatThrownBy(() -> sealer.open(new Sealed(sealer.seal("x", HERE).keyId(), foreign.ciphertext()), HERE))
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
