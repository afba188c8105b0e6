package dev.arrears.application.console;

/** One-way password hashes (bcrypt in production). */
public interface PasswordHasher {

    String hash(String password);

    /** Takes about as long whether or not the password matches. */
    boolean matches(String password, String hash);
}
