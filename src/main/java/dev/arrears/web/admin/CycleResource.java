package dev.arrears.web.admin;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.cycle.CycleBook;
import dev.arrears.application.cycle.CycleOutcome;
import dev.arrears.application.cycle.RunCycle;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Operator: run a cycle now, for one organisation (here, at once) or for all (at every replica's next tick). */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class CycleResource {

    private final RunCycle cycle;
    private final CycleBook book;
    private final Clock clock;

    public CycleResource(RunCycle cycle, CycleBook book, Clock clock) {
        this.cycle = cycle;
        this.book = book;
        this.clock = clock;
    }

    /**
     * Asks for a cycle of every organisation that is in preview or live: back-off is lifted and every
     * step is due, so the replicas pick them up at their next tick (arrears.cycle.tick). Answers at once.
     */
    @POST
    @Path("/cycle/run")
    public Response runAll() {
        List<OrganisationId> requested = book.requestCycle(Optional.empty(), clock.instant());
        return Response.accepted(new Requested(requested.stream().map(OrganisationId::toString).toList(),
                "each organisation runs at the next tick of whichever replica leases it")).build();
    }

    /** Runs one organisation's cycle now, in this replica, and says how it ended. */
    @POST
    @Path("/organisations/{id}/cycle")
    public Ran runOne(@PathParam("id") String id) {
        CycleOutcome outcome = cycle.runNow(OrganisationIds.parse(id));
        String result = switch (outcome) {
            case CycleOutcome.Completed c -> "completed";
            case CycleOutcome.Failed f -> "failed";
            case CycleOutcome.Skipped s -> "skipped";
        };
        return new Ran(outcome.organisation().toString(), result, outcome.summary(), cycle.replica().value());
    }

    public record Requested(List<String> organisations, String note) {
    }

    public record Ran(String organisation, String result, String summary, String replica) {
    }
}
