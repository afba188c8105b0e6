package dev.arrears.domain.contact;

/**
 * No moment within the search horizon satisfies the rules, for instance because every allowed
 * weekday is a holiday. Raised rather than returning a moment outside the rules or searching forever.
 */
public final class NoSendSlotException extends RuntimeException {

    public NoSendSlotException(String message) {
        super(message);
    }
}
