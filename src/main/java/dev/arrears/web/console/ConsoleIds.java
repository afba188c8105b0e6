package dev.arrears.web.console;

import dev.arrears.application.OrganisationId;
import jakarta.ws.rs.NotFoundException;
import java.util.UUID;

/** Ids in console URLs; a malformed one is a page that does not exist, not a server error. */
final class ConsoleIds {

    private ConsoleIds() {
    }

    static OrganisationId organisation(String text) {
        try {
            return OrganisationId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no organisation " + text);
        }
    }

    static UUID action(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ConsoleErrors.notFound("action");
        }
    }
}
