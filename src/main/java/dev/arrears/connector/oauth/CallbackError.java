package dev.arrears.connector.oauth;

/**
 * The {@code error} a provider puts on an OAuth redirect (RFC 6749 §4.1.2.1). Anyone can put any
 * text there, so only an error code of the RFC's shape is repeated back; anything else is named
 * generically rather than echoed.
 */
public final class CallbackError {

    private CallbackError() {
    }

    /** The error code to show, e.g. {@code access_denied}, or {@code "an error"} for anything else. */
    public static String describe(String error) {
        return error != null && error.matches("[a-z_]{1,64}") ? error : "an error";
    }
}
