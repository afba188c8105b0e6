package dev.arrears.application;

/** Encrypts secrets (refresh tokens, client secrets) before they are stored, and decrypts them for use. */
public interface SecretSealer {

    Sealed seal(String plaintext);

    /** @throws SecretUnreadableException if the value was tampered with or its key is not configured */
    String open(Sealed sealed);
}
