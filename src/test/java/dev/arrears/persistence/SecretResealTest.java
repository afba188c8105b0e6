package dev.arrears.persistence;

import static dev.arrears.persistence.ConnectionStoreTest.ACCESS;
import static dev.arrears.persistence.ConnectionStoreTest.REFRESH;
import static dev.arrears.persistence.ConnectionStoreTest.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.application.ConnectionStore;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.Sealed;
import dev.arrears.application.SecretReseal;
import dev.arrears.application.SecretUnreadableException;
import dev.arrears.application.email.Mailbox;
import dev.arrears.application.email.SenderProfile;
import dev.arrears.application.email.SenderProfileStore;
import dev.arrears.application.email.SmtpSecurity;
import dev.arrears.application.email.SmtpServer;
import dev.arrears.domain.policy.ReminderChannel;
import dev.arrears.platform.secrets.SealedBeforeBinding;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sealed tokens are bound to their row and column; values sealed before that are read and re-sealed. */
@QuarkusTest
class SecretResealTest {

    @Inject
    ConnectionStore connections;
    @Inject
    OrganisationStore organisations;
    @Inject
    SecretReseal reseal;
    @Inject
    Sql sql;
    @Inject
    SenderProfileStore senders;

    @Test
    void a_refresh_token_copied_to_another_organisations_row_does_not_open() throws Exception {
        OrganisationId victim = Fixtures.organisation(organisations);
        OrganisationId other = Fixtures.organisation(organisations);
        connections.connect(victim, LedgerProvider.XERO, "tenant-" + victim, tokens(ACCESS, "victims-refresh"), "offline_access");
        connections.connect(other, LedgerProvider.XERO, "tenant-" + other, tokens(ACCESS, REFRESH), "offline_access");

        sql.update("update ledger_connection set (refresh_token_ciphertext, refresh_token_key_id) = (select refresh_token_ciphertext,"
                + " refresh_token_key_id from ledger_connection where organisation_id = ?) where organisation_id = ?",
                other.value(), victim.value());

        assertThatThrownBy(() -> connections.find(victim)).isInstanceOf(SecretUnreadableException.class)
                .hasMessageNotContaining(REFRESH);
    }

    @Test
    void tokens_sealed_before_binding_are_read_and_then_resealed_bound_to_their_row() throws Exception {
        OrganisationId org = Fixtures.organisation(organisations);
        connections.connect(org, LedgerProvider.XERO, "tenant-" + org, tokens(ACCESS, REFRESH), "offline_access");
        Sealed legacy = SealedBeforeBinding.seal(SealedBeforeBinding.TEST_KEY, "legacy-refresh");
        sql.update("update ledger_connection set refresh_token_ciphertext = ?, refresh_token_key_id = ? where organisation_id = ?",
                legacy.ciphertext(), legacy.keyId(), org.value());
        assertThat(connections.find(org).orElseThrow().tokens().refreshToken()).isEqualTo("legacy-refresh");

        SecretReseal.Resealed first = reseal.resealAll();
        SecretReseal.Resealed second = reseal.resealAll();

        assertThat(first.resealed()).isGreaterThanOrEqualTo(1);
        assertThat(second.resealed()).isZero();
        assertThat(second.read()).isEqualTo(first.read());
        String keyId = (String) sql.rows("select refresh_token_key_id from ledger_connection where organisation_id = ?",
                org.value()).getFirst().get(0);
        assertThat(keyId).isEqualTo(legacy.keyId() + ".b");
        assertThat(connections.find(org).orElseThrow().tokens().refreshToken()).isEqualTo("legacy-refresh");
    }

    @Test
    void an_smtp_password_is_bound_to_its_organisation_and_one_sealed_before_binding_is_resealed() throws Exception {
        OrganisationId org = Fixtures.organisation(organisations);
        OrganisationId other = Fixtures.organisation(organisations);
        senders.save(org, sender("victims-smtp-password"));
        senders.save(other, sender("others-smtp-password"));

        sql.update("update sender_profile set (smtp_password_ciphertext, smtp_password_key_id) = (select smtp_password_ciphertext,"
                + " smtp_password_key_id from sender_profile where organisation_id = ?) where organisation_id = ?",
                other.value(), org.value());
        assertThatThrownBy(() -> senders.find(org)).isInstanceOf(SecretUnreadableException.class)
                .hasMessageNotContaining("others-smtp-password");

        Sealed legacy = SealedBeforeBinding.seal(SealedBeforeBinding.TEST_KEY, "legacy-smtp-password");
        sql.update("update sender_profile set smtp_password_ciphertext = ?, smtp_password_key_id = ? where organisation_id = ?",
                legacy.ciphertext(), legacy.keyId(), org.value());
        assertThat(senders.find(org).orElseThrow().server().orElseThrow().password()).contains("legacy-smtp-password");

        reseal.resealAll();

        String keyId = (String) sql.rows("select smtp_password_key_id from sender_profile where organisation_id = ?",
                org.value()).getFirst().get(0);
        assertThat(keyId).isEqualTo(legacy.keyId() + ".b");
        assertThat(senders.find(org).orElseThrow().server().orElseThrow().password()).contains("legacy-smtp-password");
    }

    private static SenderProfile sender(String password) {
        return new SenderProfile(ReminderChannel.EMAIL, Mailbox.of("accounts@acme.example"), Optional.empty(), List.of(), List.of(),
                Optional.empty(), Optional.of(new SmtpServer("smtp.acme.example", 587, SmtpSecurity.STARTTLS,
                        Optional.of("accounts@acme.example"), Optional.of(password))), Locale.ENGLISH);
    }
}
