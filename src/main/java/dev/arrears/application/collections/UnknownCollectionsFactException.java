package dev.arrears.application.collections;

/** The organisation has no hold, dispute, promise or plan with that id. */
public final class UnknownCollectionsFactException extends RuntimeException {
    public UnknownCollectionsFactException(String message) {
        super(message);
    }
}
