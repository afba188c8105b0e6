package dev.arrears.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.console.ConsoleAccounts;
import dev.arrears.application.console.ConsoleRole;
import dev.arrears.application.console.SignInResult;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code create-admin}: a firm admin whose password comes from standard input (or the terminal), never from argv. */
@QuarkusTest
class CreateAdminCommandTest {

    static final String PASSWORD = "a long enough password";

    @Inject
    ConsoleAccounts accounts;

    String username;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void name() {
        username = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@firm.example";
    }

    int run(CreateAdminCommand.PasswordSource passwords, String... args) {
        return CreateAdminCommand.run(List.of(args), accounts, passwords,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    static CreateAdminCommand.PasswordSource stdin(String text) {
        return ignored -> CreateAdminCommand.firstLine(new BufferedReader(new StringReader(text)));
    }

    @Test
    void the_password_on_standard_input_makes_a_firm_admin_who_can_sign_in() {
        assertThat(run(stdin(PASSWORD + "\n"), "--email", username, "--name", "Pat Admin")).isZero();

        assertThat(accounts.user(username)).hasValueSatisfying(u -> {
            assertThat(u.role()).isEqualTo(ConsoleRole.FIRM_ADMIN);
            assertThat(u.displayName()).isEqualTo("Pat Admin");
        });
        assertThat(accounts.signIn(username, PASSWORD)).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("created the firm admin").doesNotContain(PASSWORD);
    }

    @Test
    void a_password_on_the_command_line_is_refused_before_anything_is_read_or_created() {
        AtomicBoolean asked = new AtomicBoolean();
        int status = run(o -> {
            asked.set(true);
            return java.util.Optional.of(PASSWORD.toCharArray());
        }, "--username", username, "--password", PASSWORD);

        assertThat(status).isEqualTo(2);
        assertThat(asked).isFalse();
        assertThat(accounts.user(username)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("never taken from the command line");
    }

    @Test
    void a_taken_name_a_short_password_or_no_password_creates_nothing() {
        assertThat(run(stdin(PASSWORD), "--username", username)).isZero();
        assertThat(run(stdin("another long password"), "--username", username.toUpperCase())).isEqualTo(2);
        assertThat(accounts.signIn(username, "another long password")).isInstanceOf(SignInResult.Refused.class);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("exists already");

        String other = "other-" + username;
        assertThat(run(stdin("short\n"), "--username", other)).isEqualTo(2);
        assertThat(run(stdin(""), "--username", other)).isEqualTo(2);
        assertThat(run(stdin(PASSWORD))).isEqualTo(2);
        assertThat(accounts.user(other)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least 12 characters").contains("no password")
                .contains("--username is required");
    }
}
