package dev.arrears.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.application.ConnectionStatus;
import dev.arrears.application.ConnectionStore;
import dev.arrears.application.LedgerConnection;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OAuthTokens;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.SecretUnreadableException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConnectionStoreTest {

    static final String REFRESH = "refresh-token-plaintext-0123456789abcdef";
    static final String ACCESS = "access-token-plaintext-eyJhbGciOiJSUzI1NiJ9";
    static final Instant EXPIRES = Instant.parse("2025-03-10T09:30:00Z");

    @Inject
    ConnectionStore connections;
    @Inject
    OrganisationStore organisations;
    @Inject
    Sql sql;

    OrganisationId org;
    String tenant;

    @BeforeEach
    void organisation() {
        org = Fixtures.organisation(organisations);
        tenant = "tenant-" + org;
    }

    @Test
    void tokens_are_stored_encrypted_and_read_back_in_the_clear() throws Exception {
        connections.connect(org, LedgerProvider.XERO, tenant, tokens(ACCESS, REFRESH), "offline_access accounting.transactions");

        var row = sql.rows("select access_token_ciphertext, refresh_token_ciphertext, refresh_token_key_id "
                + "from ledger_connection where organisation_id = ?", org.value()).getFirst();
        byte[] access = (byte[]) row.get(0);
        byte[] refresh = (byte[]) row.get(1);
        assertThat(new String(refresh, StandardCharsets.ISO_8859_1)).doesNotContain(REFRESH).doesNotContain("refresh-token");
        assertThat(new String(access, StandardCharsets.ISO_8859_1)).doesNotContain("access-token");
        assertThat(refresh).hasSize(12 + REFRESH.length() + 16); // nonce + ciphertext + tag
        assertThat((String) row.get(2)).startsWith("k");

        LedgerConnection read = connections.find(org).orElseThrow();
        assertThat(read.tokens()).isEqualTo(tokens(ACCESS, REFRESH));
        assertThat(read.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(read.toString()).doesNotContain(REFRESH).doesNotContain(ACCESS);
        assertThat(connections.findByTenant(LedgerProvider.XERO, tenant)).contains(read);
    }

    @Test
    void a_tampered_ciphertext_fails_to_open() throws Exception {
        connections.connect(org, LedgerProvider.XERO, tenant, tokens(ACCESS, REFRESH), "offline_access");
        // Flip one bit of the ciphertext body (past the 12-byte nonce).
        sql.update("update ledger_connection set refresh_token_ciphertext = "
                + "set_byte(refresh_token_ciphertext, 20, get_byte(refresh_token_ciphertext, 20) # 1) where organisation_id = ?",
                org.value());

        assertThatThrownBy(() -> connections.find(org)).isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("integrity check").hasMessageNotContaining(REFRESH);
    }

    @Test
    void rotation_stores_the_new_pair_under_the_lock_and_an_empty_rotation_keeps_the_old() {
        connections.connect(org, LedgerProvider.XERO, tenant, tokens(ACCESS, REFRESH), "offline_access");

        LedgerConnection unchanged = connections.rotateTokens(org, current -> Optional.empty());
        assertThat(unchanged.tokens().refreshToken()).isEqualTo(REFRESH);

        LedgerConnection rotated = connections.rotateTokens(org, current -> {
            assertThat(current.tokens().refreshToken()).isEqualTo(REFRESH);
            return Optional.of(tokens("access-2", "refresh-2"));
        });
        assertThat(rotated.tokens().refreshToken()).isEqualTo("refresh-2");
        assertThat(connections.find(org).orElseThrow().tokens()).isEqualTo(tokens("access-2", "refresh-2"));

        assertThatThrownBy(() -> connections.rotateTokens(org, current -> {
            throw new IllegalStateException("invalid_grant");
        })).hasMessage("invalid_grant");
        assertThat(connections.find(org).orElseThrow().tokens().refreshToken()).isEqualTo("refresh-2");
    }

    @Test
    void needs_reconnect_then_reconnect_makes_it_active_again() {
        connections.connect(org, LedgerProvider.XERO, tenant, tokens(ACCESS, REFRESH), "offline_access");
        connections.setStatus(org, ConnectionStatus.NEEDS_RECONNECT, Optional.of("invalid_grant"));
        assertThat(connections.find(org).orElseThrow().statusReason()).contains("invalid_grant");

        connections.connect(org, LedgerProvider.XERO, tenant, tokens("access-3", "refresh-3"), "offline_access");

        LedgerConnection again = connections.find(org).orElseThrow();
        assertThat(again.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(again.statusReason()).isEmpty();
        assertThat(again.tokens().refreshToken()).isEqualTo("refresh-3");
    }

    @Test
    void a_tenant_belongs_to_one_organisation_and_one_provider() {
        connections.connect(org, LedgerProvider.XERO, tenant, tokens(ACCESS, REFRESH), "offline_access");
        OrganisationId other = Fixtures.organisation(organisations);

        assertThatThrownBy(() -> connections.connect(other, LedgerProvider.XERO, tenant, tokens(ACCESS, REFRESH), "x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already connected");
        assertThatThrownBy(() -> connections.connect(other, LedgerProvider.QUICKBOOKS, "realm-1", tokens(ACCESS, REFRESH), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uses XERO");
    }

    static OAuthTokens tokens(String access, String refresh) {
        return new OAuthTokens(access, EXPIRES, refresh, Optional.of(Instant.parse("2025-05-09T09:00:00Z")), Optional.empty());
    }
}
