package dev.arrears.application.connection;

/**
 * A connect, disconnect or late-fee request the ledger or the configuration does not allow (the
 * app's client id is not set, the ledger refused the call, a code has the wrong shape). The message
 * is for the person who asked; it names what is wrong.
 */
public class ConnectionRefusedException extends IllegalArgumentException {

    public ConnectionRefusedException(String message) {
        super(message);
    }
}
