package dev.arrears.application;

/**
 * A stored secret could not be decrypted: it was altered, or sealed under a key that is not
 * configured. The message never contains the secret or the key.
 */
public class SecretUnreadableException extends RuntimeException {
    public SecretUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
