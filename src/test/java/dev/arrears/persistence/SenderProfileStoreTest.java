package dev.arrears.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.email.EscalatedSender;
import dev.arrears.application.email.Mailbox;
import dev.arrears.application.email.SenderProfile;
import dev.arrears.application.email.SenderProfileStore;
import dev.arrears.application.email.SmtpSecurity;
import dev.arrears.application.email.SmtpServer;
import dev.arrears.domain.policy.ReminderChannel;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SenderProfileStoreTest {

    private static final String PASSWORD = "smtp-password-4711";

    @Inject
    SenderProfileStore profiles;
    @Inject
    OrganisationStore organisations;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_profile_reads_back_whole_and_its_password_is_sealed_at_rest() throws Exception {
        OrganisationId org = Fixtures.organisation(organisations);
        SenderProfile profile = new SenderProfile(ReminderChannel.EMAIL, Mailbox.parse("Acme Accounts <accounts@acme.example>"),
                Optional.of(Mailbox.parse("Jo Bookkeeper <jo@firm.example>")), List.of(Mailbox.of("ledger@acme.example")),
                List.of(Mailbox.of("archive@firm.example")),
                Optional.of(new EscalatedSender(Mailbox.parse("Credit Control <credit@acme.example>"), "Final notice")),
                Optional.of(new SmtpServer("smtp.acme.example", 587, SmtpSecurity.STARTTLS, Optional.of("accounts@acme.example"),
                        Optional.of(PASSWORD))), Locale.GERMAN);

        profiles.save(org, profile);

        assertThat(profiles.find(org)).contains(profile);
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("select smtp_password_ciphertext, smtp_password_key_id from sender_profile"
                     + " where organisation_id = ?")) {
            st.setObject(1, org.value());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                assertThat(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1)).doesNotContain(PASSWORD);
                assertThat(rs.getString(2)).isNotBlank();
            }
        }
    }

    @Test
    void a_profile_on_the_firm_default_server_is_replaced_and_removed() {
        OrganisationId org = Fixtures.organisation(organisations);
        SenderProfile first = new SenderProfile(ReminderChannel.EMAIL, Mailbox.of("a@acme.example"), Optional.empty(), List.of(),
                List.of(), Optional.empty(), Optional.empty(), Locale.ENGLISH);
        SenderProfile second = new SenderProfile(ReminderChannel.LEDGER, Mailbox.of("b@acme.example"), Optional.empty(), List.of(),
                List.of(), Optional.empty(), Optional.empty(), Locale.ENGLISH);
        profiles.save(org, first);
        profiles.save(org, second);
        assertThat(profiles.find(org)).contains(second);
        assertThat(profiles.remove(org)).isTrue();
        assertThat(profiles.find(org)).isEmpty();
        assertThat(profiles.remove(org)).isFalse();
    }
}
