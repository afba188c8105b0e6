package dev.arrears.application;

/** An operation named an organisation that is not stored. */
public class UnknownOrganisationException extends RuntimeException {
    public UnknownOrganisationException(OrganisationId id) {
        super("no organisation with id " + id);
    }
}
