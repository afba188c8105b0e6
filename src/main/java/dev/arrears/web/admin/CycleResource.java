package dev.arrears.web.admin;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.cycle.CycleBook;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Operator: a cycle now for every organisation (one organisation: {@code POST /admin/organisations/{id}/cycle}). */
@Path("/admin/cycle")
@Produces(MediaType.APPLICATION_JSON)
public class CycleResource {

    private final CycleBook book;
    private final Clock clock;

    public CycleResource(CycleBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    /**
     * Asks for a cycle of every organisation that is in preview or live: back-off is lifted and every
     * step is due, so the replicas pick them up at their next tick (arrears.cycle.tick). Answers at once.
     */
    @POST
    @Path("/run")
    public Response runAll() {
        List<OrganisationId> requested = book.requestCycle(Optional.empty(), clock.instant());
        return Response.accepted(new Requested(requested.stream().map(OrganisationId::toString).toList(),
                "each organisation runs at the next tick of whichever replica leases it")).build();
    }

    public record Requested(List<String> organisations, String note) {
    }

}
