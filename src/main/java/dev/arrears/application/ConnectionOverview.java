package dev.arrears.application;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One organisation's connection as the Connections page lists it, read without opening any sealed
 * token, so the list never depends on the tokens being readable.
 *
 * @param connectedAt when the last consent (or registration) stored its tokens
 * @param connectedBy who started that consent: a console user's name or {@code operator}; empty
 *                    when it was registered headlessly or before this was kept
 */
public record ConnectionOverview(OrganisationId organisationId, LedgerProvider provider, ConnectionStatus status,
                                 Optional<String> statusReason, Optional<Instant> connectedAt,
                                 Optional<String> connectedBy) {

    public ConnectionOverview {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusReason, "statusReason");
        Objects.requireNonNull(connectedAt, "connectedAt");
        Objects.requireNonNull(connectedBy, "connectedBy");
    }
}
