package dev.arrears.application.console;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A user to create. User names are kept in lower case, so "Alice" and "alice" are one user.
 *
 * @param password the password as typed; only its hash is stored
 */
public record NewConsoleUser(String username, String displayName, ConsoleRole role, String password) {

    public static final int MINIMUM_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@+-]{0,99}");

    public NewConsoleUser {
        Objects.requireNonNull(role, "role");
        username = normalise(username);
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("The user name must be 1 to 100 letters, digits or . _ @ + - (it was '"
                    + username + "')");
        }
        displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
        if (password == null || password.length() < MINIMUM_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("The password must be at least " + MINIMUM_PASSWORD_LENGTH + " characters");
        }
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "NewConsoleUser[" + username + ", " + role + "]"; // never the password
    }
}
