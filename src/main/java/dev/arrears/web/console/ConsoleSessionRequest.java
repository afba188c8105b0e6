package dev.arrears.web.console;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The console's session cookie, to be turned into a signed-in user. */
final class ConsoleSessionRequest extends BaseAuthenticationRequest {

    private final String token;

    ConsoleSessionRequest(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }

    @Override
    public String toString() {
        return "ConsoleSessionRequest"; // never the token
    }
}
