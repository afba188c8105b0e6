package dev.arrears.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.persistence.TestClock;
import dev.arrears.platform.clock.AcceleratedClock;
import dev.arrears.sandbox.SandboxServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxCommandTest {

    private final TestClock system = new TestClock();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private SandboxServer start(String... args) {
        return SandboxCommand.start(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), system, Map.of("ARREARS_SANDBOX_CONTROL_TOKEN", "from-env"));
    }

    @Test
    void startsOnTheGivenPortAndPrintsHowToPointArrearsAtIt() {
        SandboxServer server = start("--port", "0", "--seed", "demo", "--clock", "fixed:2026-03-02T09:00:00Z");
        try {
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains("listening on " + server.baseUrl(), "X-Sandbox-Token: from-env",
                    "ARREARS_XERO_API_URL=" + server.baseUrl() + "/xero/api/api.xro/2.0",
                    "ARREARS_QUICKBOOKS_TOKEN_URL=" + server.baseUrl() + "/qbo/oauth/oauth2/v1/tokens/bearer");
            assertThat(server.clock().instant()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
            assertThat(server.ledger().invoiceCount()).isPositive();
        } finally {
            server.stop();
        }
    }

    @Test
    void anAcceleratedClockRunsAtTheGivenPace() {
        Clock clock = SandboxCommand.clock("accelerated:2026-03-02T00:00:00Z:PT2H24M", system);
        assertThat(clock).isInstanceOf(AcceleratedClock.class);
        system.advance(Duration.ofSeconds(10));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
        assertThat(SandboxCommand.clock("accelerated:now:PT1H", system).instant()).isEqualTo(system.instant());
    }

    @Test
    void anAnchoredClockShowsItsStartAtTheAnchorWhenEverTheSandboxStarted() {
        Instant anchor = system.instant().plusSeconds(5);
        Clock clock = SandboxCommand.clock("accelerated:2026-03-02T00:00:00Z:PT2H24M", system, anchor);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        system.advance(Duration.ofSeconds(15));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
    }

    @Test
    void aWrongOptionPrintsTheUsage() {
        assertThat(start("--colour", "blue")).isNull();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --colour", "Usage: sandbox");
        assertThat(start("--clock", "sometimes")).isNull();
        assertThat(start("--xero-client", "no-secret")).isNull();
    }
}
