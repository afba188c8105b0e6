package dev.arrears.application.cycle;

import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.collections.CollectionsStore;
import dev.arrears.domain.calendar.OrganisationDay;
import dev.arrears.domain.collections.CollectionsContext;
import dev.arrears.domain.collections.Dispute;
import dev.arrears.domain.collections.Hold;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds and disputes win every race: asked right before each write, with the facts as stored now
 * (not as they were when the action was decided), on the organisation's "today". A hold or a dispute
 * that applies today cancels the write; when it ends, the engine plans the stage due that day again
 * (see the collections rules of {@code DunningEngine}) and the outbox revives the cancelled action
 * under its own key, so it is sent once, later, and never lost.
 */
public final class CollectionsGuard implements ChaseGuard {

    private final CollectionsStore collections;
    private final OrganisationStore organisations;
    private final Clock clock;

    public CollectionsGuard(CollectionsStore collections, OrganisationStore organisations, Clock clock) {
        this.collections = Objects.requireNonNull(collections, "collections");
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<String> blocks(InvoiceSnapshot invoice) {
        OrganisationId id = OrganisationId.parse(invoice.organisationId());
        Optional<Organisation> organisation = organisations.find(id);
        if (organisation.isEmpty()) {
            return Optional.empty();   // the attempt itself finds the organisation gone
        }
        LocalDate today = OrganisationDay.today(clock.instant(), organisation.get().timeZone());
        CollectionsContext facts = collections.contextFor(id);
        return facts.holdsOf(invoice).stream().filter(h -> h.activeOn(today)).map(Hold::describe).findFirst()
                .or(() -> facts.disputesOf(invoice).stream().filter(d -> d.activeOn(today)).map(Dispute::describe).findFirst());
    }
}
