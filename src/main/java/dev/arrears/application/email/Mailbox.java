package dev.arrears.application.email;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An email address with an optional display name, checked enough that it can go into a header
 * safely: one {@code @}, no spaces, no line breaks (a line break in a header would let text from an
 * accountant or a ledger add headers of its own).
 */
public record Mailbox(String address, Optional<String> name) {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>\",;]+@[^\\s@<>\",;]+\\.[^\\s@<>\",;]+");
    private static final Pattern NAMED = Pattern.compile("\\s*(.*?)\\s*<([^<>]*)>\\s*");

    public Mailbox {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(name, "name");
        address = address.strip();
        if (address.length() > 254 || !ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("'" + address + "' is not an email address; expected name@example.com");
        }
        name = name.map(String::strip).filter(n -> !n.isEmpty());
        if (name.isPresent() && (name.get().length() > 200 || name.get().chars().anyMatch(c -> c == '\r' || c == '\n' || c == '"'))) {
            throw new IllegalArgumentException("the name for " + address + " must be one line of at most 200 characters without quotes");
        }
    }

    public static Mailbox of(String address) {
        return new Mailbox(address, Optional.empty());
    }

    /** {@code accounts@example.com} or {@code Example Ltd <accounts@example.com>}. */
    public static Mailbox parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher named = NAMED.matcher(text);
        if (named.matches()) {
            String name = named.group(1);
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            return new Mailbox(named.group(2), Optional.of(name));
        }
        return of(text);
    }

    /** The address in lower case: two spellings of one mailbox are one recipient. */
    public String normalised() {
        return address.toLowerCase(java.util.Locale.ROOT);
    }

    /** As a header value: {@code "Example Ltd" <accounts@example.com>}, or the bare address. */
    public String formatted() {
        return name.map(n -> "\"" + n + "\" <" + address + ">").orElse(address);
    }

    @Override
    public String toString() {
        return formatted();
    }
}
