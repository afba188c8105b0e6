package dev.arrears.cli;

import dev.arrears.application.console.ConsoleAccounts;
import dev.arrears.application.console.ConsoleRole;
import dev.arrears.application.console.NewConsoleUser;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code create-admin --username NAME [--name "Display name"]}: creates a console firm admin, the
 * first one or another (say, when the only admin left the firm). The password is read from the
 * terminal without echo, typed twice, or as the first line of standard input when there is no
 * terminal (for scripts: {@code printf '%s\n' "$PW" | java -jar quarkus-run.jar create-admin ...}).
 * Never from the command line: arguments are visible to every user of the machine ({@code ps}) and
 * stay in shell histories. Boots against the daemon's database with the cycle and the HTTP port off.
 */
public class CreateAdminCommand implements QuarkusApplication {

    static final String USAGE = """
            Usage: java -jar quarkus-run.jar create-admin --username NAME [--name "Display name"]
              Creates a firm admin of the console. The password (at least 12 characters) is asked for on the
              terminal, or read as the first line of standard input when there is no terminal; it is never
              taken from the command line.
            """;

    /** Where the password comes from: the terminal (asked twice) or standard input's first line. */
    interface PasswordSource {
        Optional<char[]> read(PrintStream out) throws IOException;
    }

    /** Set before boot by {@code ArrearsMain}: this run must not start cycles or take the daemon's port. */
    public static void prepare() {
        System.setProperty("arrears.cycle.enabled", "false");
        System.setProperty("quarkus.http.port", "0");
        System.setProperty("quarkus.http.host", "127.0.0.1");
    }

    @Inject
    ConsoleAccounts accounts;

    @Override
    public int run(String... args) {
        return run(List.of(args), accounts, CreateAdminCommand::fromTerminalOrStdin, System.out, System.err);
    }

    /** @return 0 created, 2 refused (bad options, a password on the command line, a taken name, a short password) */
    static int run(List<String> args, ConsoleAccounts accounts, PasswordSource passwords, PrintStream out, PrintStream err) {
        String username = null;
        String name = null;
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--username", "--email" -> username = CommandArgs.value(args, ++i, args.get(i - 1));
                    case "--name" -> name = CommandArgs.value(args, ++i, "--name");
                    case "--help", "-h" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException(args.get(i).startsWith("--password")
                            ? "the password is never taken from the command line (other users of the machine can read it there); "
                                    + "type it when asked, or pipe it on standard input"
                            : "unknown option " + args.get(i));
                }
            }
            if (username == null) {
                throw new IllegalArgumentException("--username is required");
            }
            if (accounts.user(username).isPresent()) {
                throw new IllegalArgumentException("a user named '" + username.strip().toLowerCase(Locale.ROOT)
                        + "' exists already");
            }
            char[] typed = passwords.read(out).orElseThrow(() -> new IllegalArgumentException("no password was given"));
            try {
                NewConsoleUser admin = new NewConsoleUser(username, name, ConsoleRole.FIRM_ADMIN, new String(typed));
                accounts.createUser(admin, "create-admin command");
                out.println("create-admin: created the firm admin '" + admin.username() + "'; sign in at /console");
                return 0;
            } finally {
                Arrays.fill(typed, '\0');
            }
        } catch (IllegalArgumentException | IOException e) {
            err.println("create-admin: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
    }

    /** Asks on the terminal (twice, no echo) or reads standard input's first line when there is no terminal. */
    static Optional<char[]> fromTerminalOrStdin(PrintStream out) throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password for the new firm admin (at least 12 characters): ");
            char[] again = console.readPassword("The same password again: ");
            if (first == null || again == null) {
                return Optional.empty();
            }
            boolean same = Arrays.equals(first, again);
            Arrays.fill(again, '\0');
            if (!same) {
                Arrays.fill(first, '\0');
                throw new IllegalArgumentException("the two passwords differ");
            }
            return Optional.of(first);
        }
        return firstLine(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    }

    static Optional<char[]> firstLine(BufferedReader in) throws IOException {
        String line = in.readLine();
        return line == null || line.isEmpty() ? Optional.empty() : Optional.of(line.toCharArray());
    }
}
