package dev.arrears.web.health;

import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.cycle.CycleBook;
import dev.arrears.application.cycle.CycleRecord;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * {@code /q/health/group/organisations} on the management port: the organisations a person must act
 * on, those waiting for a reconnect (their refresh token was refused) and those whose cycles keep
 * failing. Always UP: one client's broken connection degrades the service, it does not make this
 * replica unfit to serve the others, so it never takes part in liveness or readiness.
 */
@HealthGroup("organisations")
@ApplicationScoped
public class OrganisationsHealthCheck implements HealthCheck {

    private final CycleBook cycles;
    private final HealthConfig settings;

    public OrganisationsHealthCheck(CycleBook cycles, HealthConfig settings) {
        this.cycles = cycles;
        this.settings = settings;
    }

    @Override
    public HealthCheckResponse call() {
        List<CycleRecord> all = cycles.all();
        List<CycleRecord> reconnect = all.stream()
                .filter(r -> r.organisation().mode() == OrganisationMode.NEEDS_RECONNECT).toList();
        List<CycleRecord> failing = all.stream()
                .filter(r -> r.organisation().mode() != OrganisationMode.NEEDS_RECONNECT)
                .filter(r -> r.consecutiveFailures() >= settings.failingCyclesAfter()).toList();
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("organisations").up()
                .withData("degraded", !reconnect.isEmpty() || !failing.isEmpty())
                .withData("organisations", all.size())
                .withData("needsReconnectCount", reconnect.size())
                .withData("failingCyclesCount", failing.size());
        if (!reconnect.isEmpty()) {
            answer.withData("needsReconnect", names(reconnect, r -> ""));
        }
        if (!failing.isEmpty()) {
            answer.withData("failingCycles", names(failing, r -> ", " + r.consecutiveFailures() + " cycles failed in a row"));
        }
        return answer.build();
    }

    /** "Name (id)[detail]; ..." — health data values are plain text, numbers or booleans. */
    private static String names(List<CycleRecord> records, Function<CycleRecord, String> detail) {
        return records.stream().map(r -> {
            Organisation o = r.organisation();
            return o.displayName() + " (" + o.id() + detail.apply(r) + ")";
        }).collect(Collectors.joining("; "));
    }
}
