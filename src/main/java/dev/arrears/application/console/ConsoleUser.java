package dev.arrears.application.console;

import java.util.Objects;
import java.util.UUID;

/** Someone who signs in to the console. */
public record ConsoleUser(UUID id, String username, String displayName, ConsoleRole role, boolean disabled) {

    public ConsoleUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
    }
}
