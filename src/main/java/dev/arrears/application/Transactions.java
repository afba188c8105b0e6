package dev.arrears.application;

import java.util.function.Supplier;

/**
 * Runs several store calls as one transaction, for a use case whose steps must stand or fall
 * together (a person's change and the audit event that names them).
 */
public interface Transactions {

    /** Runs {@code work} in the caller's transaction, or in a new one when there is none. */
    <T> T inOne(Supplier<T> work);
}
