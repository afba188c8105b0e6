package dev.arrears.web.admin;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.UnknownOrganisationException;
import dev.arrears.application.cycle.CycleBook;
import jakarta.ws.rs.BadRequestException;

/** Path ids: a malformed one is the caller's mistake (400), not a server error. */
final class OrganisationIds {

    private OrganisationIds() {
    }

    static OrganisationId parse(String text) {
        try {
            return OrganisationId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /** A path id of an organisation that exists (404 otherwise). */
    static OrganisationId known(String text, CycleBook book) {
        OrganisationId org = parse(text);
        book.find(org).orElseThrow(() -> new UnknownOrganisationException(org));
        return org;
    }
}
