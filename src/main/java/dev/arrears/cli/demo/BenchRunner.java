package dev.arrears.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arrears.files.policy.PoliciesConfig;
import dev.arrears.sandbox.Journal;
import dev.arrears.sandbox.SandboxServer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Runs the benchmark started by {@link BenchCommand}, prints and writes the figures, then stops the application. */
@ApplicationScoped
public class BenchRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean enabled;
    private final int httpPort;
    private final Optional<String> operatorToken;
    private final int threads;
    private final String out;
    private final int orgs;
    private final int invoices;
    private final String policiesDir;
    private final Clock clock;

    BenchRunner(PoliciesConfig policies, Clock clock,
                @ConfigProperty(name = "arrears.bench.enabled", defaultValue = "false") boolean enabled,
                @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort,
                @ConfigProperty(name = "arrears.operator.token") Optional<String> operatorToken,
                @ConfigProperty(name = "arrears.bench.threads", defaultValue = "2") int threads,
                @ConfigProperty(name = "arrears.bench.out", defaultValue = "target/bench-result.md") String out,
                @ConfigProperty(name = "arrears.bench.orgs", defaultValue = "0") int orgs,
                @ConfigProperty(name = "arrears.bench.invoices", defaultValue = "0") int invoices) {
        this.policiesDir = policies.dir();
        this.clock = clock;
        this.enabled = enabled;
        this.httpPort = httpPort;
        this.operatorToken = operatorToken;
        this.threads = threads;
        this.out = out;
        this.orgs = orgs;
        this.invoices = invoices;
    }

    void onStart(@Observes StartupEvent event) {
        SandboxServer sandbox = BenchCommand.sandbox();
        if (!enabled || sandbox == null) {
            return;
        }
        Thread t = new Thread(() -> {
            int status = 0;
            try {
                run(sandbox);
            } catch (Exception e) {
                Log.errorf(e, "Benchmark failed: %s", e.getMessage());
                status = 1;
            } finally {
                sandbox.stop();
                Quarkus.asyncExit(status);
            }
        }, "bench");
        t.start();
    }

    record Phase(String name, Duration wall, Map<String, Integer> results, double callsPerOrg, long maxCallsPerOrg,
                 Map<String, Integer> operations) {
    }

    private void run(SandboxServer sandbox) throws Exception {
        DemoRunner.Admin admin = new DemoRunner.Admin("http://localhost:" + httpPort, operatorToken.orElseThrow(),
                Duration.ofMinutes(30));
        admin.awaitUp();
        double engineRate = EngineBenchmark.decisionsPerSecond(Path.of(policiesDir, "default.yaml"), 500_000, 3);
        Log.infof("Benchmark: the dunning engine alone decides %,.0f invoices per second (one thread, default policy)", engineRate);
        // Elapsed time is measured on the monotonic timer; only platform reads the wall clock.
        long t = System.nanoTime();
        List<DemoRunner.Connected> connected = DemoRunner.connect(sandbox, admin, false);
        Duration registration = Duration.ofNanos(System.nanoTime() - t);
        long registrationCalls = sandbox.journal().entries(e -> true).size();
        Log.infof("Benchmark: %d organisations registered in %s (%d ledger calls, settings and late-fee checks)",
                connected.size(), registration, registrationCalls);

        Phase first = cycleAll("first full sync + decide + outbox", sandbox, admin, connected);
        Phase steady = cycleAll("steady state, nothing changed", sandbox, admin, connected);
        int changed = changeOnePercent(sandbox, connected);
        Phase onePercent = cycleAll("after 1 % of invoices changed (" + changed + " payments)", sandbox, admin, connected);

        long throttled = sandbox.journal().entries(e -> e.status() == 429).size();
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        String rss = "n/a";
        Path status = Path.of("/proc/self/status");
        if (Files.exists(status)) {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    rss = line.substring(6).trim();
                }
            }
        }
        long total = (long) orgs * invoices;
        StringBuilder b = new StringBuilder();
        b.append("## Benchmark run ").append(clock.instant()).append("\n\n");
        b.append(String.format("%d organisations x %d open invoices = %,d invoices; %d organisations cycled at once; JVM max heap %d MB%n%n",
                connected.size(), invoices, total, threads, Runtime.getRuntime().maxMemory() >> 20));
        b.append("| phase | wall time | cycles | API calls per organisation (mean / max) |\n|---|---|---|---|\n");
        for (Phase p : List.of(first, steady, onePercent)) {
            b.append(String.format("| %s | %.1f s | %s | %.1f / %d |%n", p.name(), p.wall().toMillis() / 1000.0, p.results(),
                    p.callsPerOrg(), p.maxCallsPerOrg()));
        }
        b.append("\n| phase | calls by provider and operation (all organisations) |\n|---|---|\n");
        for (Phase p : List.of(first, steady, onePercent)) {
            b.append("| ").append(p.name()).append(" | ").append(p.operations()).append(" |\n");
        }
        b.append(String.format("%nregistration (settings and late-fee checks, not part of a cycle): %.1f s, %d calls%n",
                registration.toMillis() / 1000.0, registrationCalls));
        b.append(String.format("engine decisions per second (the engine alone, one thread, 500,000 invoices, default policy): %,.0f%n",
                engineRate));
        b.append(String.format("invoices synced, decided and recorded per second in the first cycle: %,.0f%n",
                total / Math.max(0.001, first.wall().toMillis() / 1000.0)));
        b.append(String.format("peak heap (sum of heap pools' peaks, sandbox's ledgers included): %d MB%n", heapPeak >> 20));
        b.append("peak RSS (VmHWM): ").append(rss).append('\n');
        b.append("429 answers from the sandbox's rate limiters: ").append(throttled).append('\n');
        Log.info("\n" + b);
        Path file = Path.of(out);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, b.toString());
    }

    private Phase cycleAll(String name, SandboxServer sandbox, DemoRunner.Admin admin, List<DemoRunner.Connected> connected)
            throws Exception {
        long seq = sandbox.journal().lastSeq();
        Map<String, Integer> results = new TreeMap<>();
        AtomicLong done = new AtomicLong();
        long t = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (DemoRunner.Connected c : connected) {
                futures.add(pool.submit(() -> {
                    HttpResponse<String> r = admin.send("POST", "/admin/organisations/" + c.organisationId() + "/cycle", null);
                    long n = done.incrementAndGet();
                    if (n % 20 == 0) {
                        Log.infof("Benchmark: %s: %d of %d organisations", name, n, connected.size());
                    }
                    if (r.statusCode() != 200) {
                        return "HTTP " + r.statusCode();
                    }
                    JsonNode body = JSON.readTree(r.body());
                    if (!body.path("result").asText().equals("completed")) {
                        Log.warnf("Benchmark: cycle of %s: %s", c.name(), body);
                    }
                    return body.path("result").asText();
                }));
            }
            for (Future<String> f : futures) {
                results.merge(f.get(), 1, Integer::sum);
            }
        } finally {
            pool.shutdown();
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - t);
        Map<String, Integer> perOrg = new TreeMap<>();
        Map<String, Integer> operations = new TreeMap<>();
        List<Journal.Entry> entries = sandbox.journal().entries(e -> e.seq() > seq);
        for (Journal.Entry e : entries) {
            operations.merge(e.provider() + " " + e.operation(), 1, Integer::sum);
            if (Log.isDebugEnabled()) {
                Log.debugf("Benchmark: %s: %s %s %s?%s -> %d", name, e.provider(), e.operation(), e.path(), e.query(), e.status());
            }
            perOrg.merge(e.org() == null ? "(none: token and connection calls)" : e.org(), 1, Integer::sum);
        }
        long max = perOrg.entrySet().stream().filter(e -> !e.getKey().startsWith("(")).mapToLong(Map.Entry::getValue).max().orElse(0);
        double mean = entries.size() / (double) connected.size();
        Log.infof("Benchmark: %s took %s: %s; %d calls (%.1f per organisation, max %d)", name, wall, results,
                entries.size(), mean, max);
        Log.infof("Benchmark: %s: calls by operation %s", name, operations);
        return new Phase(name, wall, results, mean, max, operations);
    }

    /** Pays (in full) 1 % of each organisation's open invoices, as customers would between two cycles. */
    private int changeOnePercent(SandboxServer sandbox, List<DemoRunner.Connected> connected) throws Exception {
        int paid = 0;
        for (DemoRunner.Connected c : connected) {
            JsonNode l = JSON.valueToTree(sandbox.control("GET", "/_sandbox/ledger/" + c.sandboxOrg() + "?invoices=true", null));
            List<String> open = new ArrayList<>();
            l.path("invoiceStates").forEach(i -> {
                if (i.path("amountDue").asDouble() > 0) {
                    open.add(i.path("id").asText());
                }
            });
            int n = Math.max(1, open.size() / 100);
            for (int k = 0; k < n && k < open.size(); k++) {
                sandbox.control("POST", "/_sandbox/payments",
                        JSON.writeValueAsString(Map.of("org", c.sandboxOrg(), "invoice", open.get(k * (open.size() / n)))));
                paid++;
            }
        }
        return paid;
    }
}
