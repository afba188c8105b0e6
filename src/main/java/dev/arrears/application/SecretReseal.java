package dev.arrears.application;

/** Seals every stored secret again under the current key, bound to its place (after a key rotation or an upgrade). */
public interface SecretReseal {

    Resealed resealAll();

    /**
     * How many sealed values were read, how many of them had to be sealed again, and where the ones
     * that could not be opened are (altered, moved, or under a key no longer configured): they are
     * left as they are, for a person to look at.
     */
    record Resealed(int read, int resealed, java.util.List<String> unreadable) {
    }
}
