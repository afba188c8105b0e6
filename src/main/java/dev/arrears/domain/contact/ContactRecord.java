package dev.arrears.domain.contact;

import dev.arrears.domain.dunning.ActionKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One contact with a customer that happened. Manual contacts (a phone call, a letter) are recorded
 * too, so that an automatic reminder does not follow a person's call the next morning.
 *
 * @param actionKey the outbox action that made an automatic contact; manual contacts may name none
 */
public record ContactRecord(String customerId, Instant at, ContactChannel channel, ContactOrigin origin, Optional<ActionKey> actionKey) {

    public ContactRecord {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(actionKey, "actionKey");
        if (customerId.isBlank()) {
            throw new IllegalArgumentException("a contact record needs a customer id");
        }
        if (origin == ContactOrigin.AUTOMATIC && actionKey.isEmpty()) {
            // Every automatic contact comes from an outbox action; without its key it could not be told apart from a second send.
            throw new IllegalArgumentException("an automatic contact with customer '" + customerId + "' at " + at + " must name the action that made it");
        }
    }

    public static ContactRecord automatic(String customerId, Instant at, ContactChannel channel, ActionKey actionKey) {
        return new ContactRecord(customerId, at, channel, ContactOrigin.AUTOMATIC, Optional.of(actionKey));
    }

    public static ContactRecord manual(String customerId, Instant at, ContactChannel channel) {
        return new ContactRecord(customerId, at, channel, ContactOrigin.MANUAL, Optional.empty());
    }
}
