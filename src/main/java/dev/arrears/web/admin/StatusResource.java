package dev.arrears.web.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;

/** What an operator checks first: is it up, and what time does Arrears think it is (clocks can be simulated). */
@Path("/admin/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    private final Clock clock;

    public StatusResource(Clock clock) {
        this.clock = clock;
    }

    @GET
    public Status status() {
        return new Status("arrears", clock.instant());
    }

    public record Status(String service, Instant clock) {
    }
}
