package dev.arrears.web.admin.collections;

import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.collections.UnknownCollectionsFactException;
import dev.arrears.domain.calendar.OrganisationDay;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;

/** What every collections endpoint needs first: the organisation named in the path, and its "today". */
@ApplicationScoped
class CollectionsLookup {

    private final OrganisationStore organisations;
    private final Clock clock;

    CollectionsLookup(OrganisationStore organisations, Clock clock) {
        this.organisations = organisations;
        this.clock = clock;
    }

    Organisation organisation(String id) {
        OrganisationId organisationId;
        try {
            organisationId = OrganisationId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new UnknownCollectionsFactException("'" + id + "' is not an organisation id");
        }
        return organisations.find(organisationId)
                .orElseThrow(() -> new UnknownCollectionsFactException("no organisation " + id));
    }

    java.time.Instant now() {
        return clock.instant();
    }

    /** Facts are dated on the organisation's own day, in its own zone. */
    LocalDate today(Organisation organisation) {
        return OrganisationDay.today(clock.instant(), organisation.timeZone());
    }
}
