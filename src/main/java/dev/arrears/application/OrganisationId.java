package dev.arrears.application;

import java.util.Objects;
import java.util.UUID;

/**
 * Our id of an organisation. The domain carries it as a plain string (its UUID text form, see
 * {@link #toString()}), so the engine stays free of storage ids.
 */
public record OrganisationId(UUID value) {

    public OrganisationId {
        Objects.requireNonNull(value, "value");
    }

    public static OrganisationId random() {
        return new OrganisationId(UUID.randomUUID());
    }

    /** Parses the string form used in {@code InvoiceSnapshot.organisationId()} and in action keys. */
    public static OrganisationId parse(String text) {
        Objects.requireNonNull(text, "organisation id");
        try {
            return new OrganisationId(UUID.fromString(text.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an organisation id (a UUID)", e);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
