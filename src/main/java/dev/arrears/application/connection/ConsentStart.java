package dev.arrears.application.connection;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/** Where to send the browser to consent (the provider's authorize address, with the state), and until when it works. */
public record ConsentStart(URI authorizeUrl, Instant expiresAt) {

    public ConsentStart {
        Objects.requireNonNull(authorizeUrl, "authorizeUrl");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
