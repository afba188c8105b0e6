package dev.arrears.application.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailboxTest {

    @Test
    void a_named_address_reads_back_as_written() {
        Mailbox mailbox = Mailbox.parse("Acme Accounts <accounts@acme.example>");
        assertThat(mailbox).isEqualTo(new Mailbox("accounts@acme.example", Optional.of("Acme Accounts")));
        assertThat(Mailbox.parse(mailbox.formatted())).isEqualTo(mailbox);
    }

    @Test
    void a_line_break_cannot_smuggle_a_header_in() {
        assertThatThrownBy(() -> new Mailbox("a@b.example", Optional.of("Acme\r\nBcc: x@evil.example")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mailbox.of("a@b.example\r\nBcc: x@evil.example")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mailbox.of("not an address")).hasMessageContaining("is not an email address");
    }

    @Test
    void a_password_never_shows_in_a_servers_text() {
        SmtpServer server = new SmtpServer("smtp.example.com", 587, SmtpSecurity.STARTTLS, Optional.of("u"), Optional.of("hunter2"));
        assertThat(server.toString()).doesNotContain("hunter2").contains("password set");
        assertThatThrownBy(() -> new SmtpServer("relay", 25, SmtpSecurity.NONE, Optional.of("u"), Optional.of("p")))
                .hasMessageContaining("never sent over an unencrypted connection");
    }
}
