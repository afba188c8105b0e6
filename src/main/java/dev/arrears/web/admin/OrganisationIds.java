package dev.arrears.web.admin;

import dev.arrears.application.OrganisationId;
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
}
