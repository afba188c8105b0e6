package dev.arrears.application.console;

/** The signed-in user may not see or do this (another accountant's organisation, a viewer changing something). */
public final class NotAllowedException extends RuntimeException {

    public NotAllowedException(String message) {
        super(message);
    }
}
