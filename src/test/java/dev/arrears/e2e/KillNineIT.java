package dev.arrears.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #6, "Done when" #2: the packaged application killed with {@code kill -9} at 30 random
 * moments (seeded; the seed is printed, {@code -Darrears.it.kill-seed=N} repeats a run) while it
 * sends reminders and charges late fees, against a standalone sandbox (which outlives every kill)
 * that answers writes with 5xx, applies writes and then drops the connection, and throttles with
 * 429s. Each kill is followed by a restart on the same database and sandbox (a new replica id, as a
 * replaced container would have). Half the kills come at a random delay after the daemon is ready,
 * half right after the sandbox has applied one of its writes (between a write and the next one,
 * e.g. between QuickBooks' {@code /send} and the note). After the last restart the faults stop and
 * the daemon finishes; then, on the ledgers' side, every due action happened exactly once and none
 * was lost ({@link LedgerChecks#exactlyOnce}). Restarts use a JVM AOT cache trained by the first
 * start. Database {@code arrears_kill} plus the {@link ItDatabase} suffix.
 */
class KillNineIT {

    private static final int KILLS = 30;
    private static final long SECONDS_PER_DAY = 10;
    /** Token calls are writes too, but not ledger writes. */
    private static final java.util.Set<String> OAUTH = java.util.Set.of("token", "authorize", "revokeToken");

    private SandboxRig rig;

    @AfterEach
    void stop() throws InterruptedException {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void killedThirtyTimesMidCycleEveryActionOnceNoneLost() throws Exception {
        PackagedApp.requirePackaged();
        long seed = Long.getLong("arrears.it.kill-seed", System.nanoTime());
        System.out.println("KillNineIT: kill seed " + seed + " (repeat with -Darrears.it.kill-seed=" + seed + ")");
        Random random = new Random(seed);
        long began = System.nanoTime();
        rig = new SandboxRig("kill", "bench:8x25", SECONDS_PER_DAY, Duration.ofSeconds(45));
        Map<String, String> shortLeases = Map.of(
                // A killed replica's leases and claims run out by the time its successor is up.
                "arrears.cycle.lease-duration", rig.real(6),
                "arrears.dispatch.claim-duration", rig.real(6),
                "arrears.dispatch.batch-size", "5");
        Path aot = Path.of("target/it-kill.aot").toAbsolutePath();
        Files.deleteIfExists(aot);

        // First start: connects the organisations and trains the AOT cache (written at a normal exit).
        SandboxRig.Daemon first = rig.daemon("kill-0", shortLeases, "-XX:AOTCacheOutput=" + aot);
        first.app().start();
        rig.awaitReady(first, Duration.ofSeconds(120));
        List<SandboxRig.Connected> orgs = rig.connectAll(first);
        first.app().stop(Duration.ofSeconds(60));
        String[] jvm = Files.exists(aot) ? new String[] {"-XX:AOTCache=" + aot} : new String[0];
        System.out.printf("KillNineIT: %d organisations connected, AOT cache %s, after %d s%n", orgs.size(),
                Files.exists(aot) ? "trained" : "missing", (System.nanoTime() - began) / 1_000_000_000L);

        rig.http.sandboxPost("/_sandbox/faults", Map.of("rules", List.of(
                Map.of("operation", "writes", "kind", "timeoutAfterApply", "rate", 0.08),
                Map.of("operation", "writes", "kind", "5xx", "rate", 0.08, "status", 503),
                Map.of("operation", "writes", "kind", "429", "rate", 0.05, "retryAfterSeconds", 1),
                Map.of("operation", "*", "kind", "5xx", "rate", 0.02))));

        List<String> kills = new ArrayList<>();
        SandboxRig.Daemon daemon = null;
        for (int k = 1; k <= KILLS; k++) {
            daemon = rig.daemon("kill-" + k, shortLeases, jvm);
            daemon.app().start();
            rig.awaitReady(daemon, Duration.ofSeconds(120));
            String how;
            if (random.nextBoolean()) {
                long delay = 1000 + random.nextInt(5000);
                Thread.sleep(delay);
                how = "after " + delay + " ms";
            } else {
                how = "right after a write was applied" + (awaitWrite(daemon.replica(), Duration.ofSeconds(8)) ? "" : " (none came in 8 s)");
            }
            Instant at = rig.http.sandboxNow();
            assertThat(daemon.app().isAlive()).as("%s still running before its kill", daemon.app()).isTrue();
            daemon.app().kill();
            kills.add("kill " + k + " of " + daemon.replica() + " " + how + " at simulated " + at);
        }
        kills.forEach(k -> System.out.println("KillNineIT: " + k));

        // The last start: no faults any more; it finishes whatever is due, then everything is paused and settles.
        rig.http.sandboxDelete("/_sandbox/faults");
        SandboxRig.Daemon last = rig.daemon("kill-final", shortLeases, jvm);
        last.app().start();
        rig.awaitReady(last, Duration.ofSeconds(120));
        Instant until = rig.http.sandboxNow().plus(Duration.ofDays(3));
        while (rig.http.sandboxNow().isBefore(until)) {
            assertThat(last.app().isAlive()).as("%s is running", last.app()).isTrue();
            Thread.sleep(1000);
        }
        rig.quiesce(last, orgs, Duration.ofSeconds(60));

        SandboxRig.EndState end = rig.endState(last, orgs, Path.of("target/it-kill-end-state.json"),
                Map.of("seed", seed, "kills", kills));
        E2eHttp.JSON.writeValue(Path.of("target/it-kill-journal.json").toFile(), rig.journal());
        int reminders = end.reminders();
        int fees = end.fees();
        List<String> problems = end.problems();
        System.out.printf("KillNineIT: seed %d, %d reminders and %d late fees in the ledgers, %d s in all%n", seed, reminders,
                fees, (System.nanoTime() - began) / 1_000_000_000L);
        assertThat(problems).as("exactly once, none lost, after %d kills with seed %d (see target/it-kill-end-state.json)",
                KILLS, seed).isEmpty();
        assertThat(reminders).as("reminders sent").isGreaterThan(20);
        assertThat(fees).as("late fees raised").isGreaterThan(3);
    }

    /** Waits until the sandbox has applied a ledger write from {@code replica}; false when none came in time. */
    private boolean awaitWrite(String replica, Duration timeout) throws Exception {
        long since = rig.http.sandbox("/_sandbox/journal?limit=0").path("lastSeq").asLong();
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            JsonNode entries = rig.http.sandbox("/_sandbox/journal?since=" + since + "&limit=500").path("entries");
            for (JsonNode e : entries) {
                since = Math.max(since, e.path("seq").asLong());
                if (!e.path("method").asText().equals("GET") && !OAUTH.contains(e.path("operation").asText())
                        && replica.equals(e.path("headers").path("X-Arrears-Replica").asText())
                        && e.path("outcome").asText().startsWith("ok")) {
                    return true;
                }
            }
            Thread.sleep(50);
        }
        return false;
    }
}
