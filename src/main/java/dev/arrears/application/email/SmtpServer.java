package dev.arrears.application.email;

import java.util.Objects;
import java.util.Optional;

/**
 * An SMTP server and the login Arrears uses there. {@link #toString()} never shows the password.
 *
 * @param user     empty for a server that takes mail without a login (a local relay)
 * @param password present exactly when {@code user} is
 */
public record SmtpServer(String host, int port, SmtpSecurity security, Optional<String> user, Optional<String> password) {

    public SmtpServer {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        host = host.strip();
        if (host.isEmpty() || host.length() > 253 || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the SMTP host must be a host name such as smtp.example.com, was '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the SMTP port must be between 1 and 65535 (587 for STARTTLS, 465 for TLS), was " + port);
        }
        user = user.map(String::strip).filter(u -> !u.isEmpty());
        if (user.isPresent() != password.filter(p -> !p.isEmpty()).isPresent()) {
            throw new IllegalArgumentException("an SMTP user needs a password and a password needs a user");
        }
        if (user.isPresent() && security == SmtpSecurity.NONE) {
            throw new IllegalArgumentException("a login is never sent over an unencrypted connection: use STARTTLS or TLS with a user");
        }
    }

    /** Identifies the server and login (not the password) for sharing one client per server. */
    public String identity() {
        return security + "://" + user.map(u -> u + "@").orElse("") + host + ":" + port;
    }

    @Override
    public String toString() {
        return "SmtpServer[" + identity() + (password.isPresent() ? ", password set" : "") + "]";
    }
}
