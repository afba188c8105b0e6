package dev.arrears.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arrears.files.policy.PoliciesConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
    private final javax.sql.DataSource database;
    private final Clock clock;
    /** Arrears' heap, watched from start-up (of a benchmark run only). */
    private volatile HeapWatch heap;
    /** Peak and kept heap once the first 20 organisations' first cycles were done. */
    private volatile long[] heapAtTwenty = {-1, -1};

    BenchRunner(PoliciesConfig policies, javax.sql.DataSource database, Clock clock,
                @ConfigProperty(name = "arrears.bench.enabled", defaultValue = "false") boolean enabled,
                @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort,
                @ConfigProperty(name = "arrears.operator.token") Optional<String> operatorToken,
                @ConfigProperty(name = "arrears.bench.threads", defaultValue = "2") int threads,
                @ConfigProperty(name = "arrears.bench.out", defaultValue = "target/bench-result.md") String out,
                @ConfigProperty(name = "arrears.bench.orgs", defaultValue = "0") int orgs,
                @ConfigProperty(name = "arrears.bench.invoices", defaultValue = "0") int invoices) {
        this.policiesDir = policies.dir();
        this.database = database;
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
        SandboxProcess sandbox = BenchCommand.sandbox();
        if (!enabled || sandbox == null) {
            return;
        }
        heap = new HeapWatch();
        Thread t = new Thread(() -> {
            int status = 0;
            try {
                run(sandbox);
            } catch (Exception e) {
                Log.errorf(e, "Benchmark failed: %s", e.getMessage());
                status = 1;
            } finally {
                sandbox.close();
                Quarkus.asyncExit(status);
            }
        }, "bench");
        t.start();
    }

    record Phase(String name, Duration wall, Map<String, Integer> results, double callsPerOrg, long maxCallsPerOrg,
                 Map<String, Integer> operations) {
    }

    private void run(SandboxProcess sandbox) throws Exception {
        DemoRunner.Admin admin = new DemoRunner.Admin("http://localhost:" + httpPort, operatorToken.orElseThrow(),
                Duration.ofMinutes(30));
        admin.awaitUp();
        // Elapsed time is measured on the monotonic timer; only platform reads the wall clock.
        long t = System.nanoTime();
        List<DemoRunner.Connected> connected = DemoRunner.connect(sandbox, admin, false, threads);
        Duration registration = Duration.ofNanos(System.nanoTime() - t);
        long registrationCalls = summary(sandbox, 0).path("count").asLong();
        Log.infof("Benchmark: %d organisations registered in %s (%d ledger calls, settings and late-fee checks)",
                connected.size(), registration, registrationCalls);

        long beforeFirst = summary(sandbox, 0).path("lastSeq").asLong();
        Phase first = cycleAll("first full sync + decide + outbox", sandbox, admin, connected);
        long afterFirst = summary(sandbox, 0).path("lastSeq").asLong();
        long[] heapAtAll = {heap.peak(), heap.keptPeak()};
        FloorRun.Result floor = floor(sandbox, connected, beforeFirst, afterFirst);
        Log.infof("Benchmark: the floor (same pages fetched, same rows upserted, nothing else) took %s: %d pages, %d rows",
                floor.wall(), floor.pages(), floor.rows());
        Phase steady = cycleAll("steady state, nothing changed", sandbox, admin, connected);
        int changed = changeOnePercent(sandbox, connected);
        Phase onePercent = cycleAll("after 1 % of invoices changed (" + changed + " payments)", sandbox, admin, connected);
        String check = checkOutbox(admin, connected);
        Log.info("Benchmark: " + check);
        long throttled = summary(sandbox, 0).path("byStatus").path("429").asLong();
        long[] heapAtEnd = {heap.peak(), heap.keptPeak()};
        String rss = "n/a";
        Path status = Path.of("/proc/self/status");
        if (Files.exists(status)) {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    rss = line.substring(6).trim();
                }
            }
        }
        // Last, so that its half a million invoices in memory are not counted in Arrears' heap.
        double engineRate = EngineBenchmark.decisionsPerSecond(Path.of(policiesDir, "default.yaml"), 500_000, 3);
        long total = (long) orgs * invoices;
        StringBuilder b = new StringBuilder();
        b.append("## Benchmark run ").append(clock.instant()).append("\n\n");
        b.append(String.format("%d organisations x %d open invoices = %,d invoices; %d organisations cycled at once; JVM max heap %d MB;"
                        + " sandbox ledgers in their own process%n%n",
                connected.size(), invoices, total, threads, Runtime.getRuntime().maxMemory() >> 20));
        b.append("| phase | wall time | cycles | API calls per organisation (mean / max) |\n|---|---|---|---|\n");
        for (Phase p : List.of(first, steady, onePercent)) {
            b.append(String.format("| %s | %.1f s | %s | %.1f / %d |%n", p.name(), p.wall().toMillis() / 1000.0, p.results(),
                    p.callsPerOrg(), p.maxCallsPerOrg()));
        }
        b.append(String.format("| floor: the same pages fetched, the same rows upserted (one statement a page), nothing else"
                + " | %.1f s | %d pages, %,d rows | |%n", floor.wall().toMillis() / 1000.0, floor.pages(), floor.rows()));
        b.append("\n| phase | calls by provider and operation (all organisations) |\n|---|---|\n");
        for (Phase p : List.of(first, steady, onePercent)) {
            b.append("| ").append(p.name()).append(" | ").append(p.operations()).append(" |\n");
        }
        b.append(String.format("%nfirst cycle / floor: %.2f%n", first.wall().toMillis() / (double) Math.max(1, floor.wall().toMillis())));
        b.append(String.format("registration (settings and late-fee checks, not part of a cycle): %.1f s, %d calls%n",
                registration.toMillis() / 1000.0, registrationCalls));
        b.append(String.format("engine decisions per second (the engine alone, one thread, 500,000 invoices, default policy): %,.0f%n",
                engineRate));
        b.append(String.format("invoices synced, decided and recorded per second in the first cycle: %,.0f%n",
                total / Math.max(0.001, first.wall().toMillis() / 1000.0)));
        b.append(String.format("Arrears' heap (its own JVM only; peak = largest heap in use before a collection, kept = largest"
                        + " still in use after one): peak %d MB, kept %d MB after the first 20 organisations' first cycles;"
                        + " peak %d MB, kept %d MB after all %d; peak %d MB, kept %d MB at the end%n",
                heapAtTwenty[0] >> 20, heapAtTwenty[1] >> 20, heapAtAll[0] >> 20, heapAtAll[1] >> 20, connected.size(),
                heapAtEnd[0] >> 20, heapAtEnd[1] >> 20));
        b.append("Arrears' peak RSS (VmHWM): ").append(rss).append('\n');
        b.append("429 answers from the sandbox's rate limiters: ").append(throttled).append('\n');
        b.append(check).append('\n');
        Log.info("\n" + b);
        Path file = Path.of(out);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, b.toString());
    }

    private static JsonNode summary(SandboxControl sandbox, long since) {
        return JSON.valueToTree(sandbox.control("GET", "/_sandbox/journal/summary?since=" + since, null));
    }

    /** The floor over the page requests Arrears' first cycle made (journal entries between the two sequence numbers). */
    private FloorRun.Result floor(SandboxProcess sandbox, List<DemoRunner.Connected> connected, long from, long to) throws Exception {
        Map<String, List<FloorRun.PageRequest>> requests = new java.util.LinkedHashMap<>();
        long since = from;
        while (since < to) {
            JsonNode page = JSON.valueToTree(sandbox.control("GET", "/_sandbox/journal?since=" + since + "&limit=5000", null));
            if (page.path("entries").isEmpty()) {
                break;
            }
            for (JsonNode e : page.path("entries")) {
                since = e.path("seq").asLong();
                String operation = e.path("operation").asText();
                if (since <= to && e.path("status").asInt() == 200 && e.path("method").asText().equals("GET")
                        && (operation.equals("getInvoices") || operation.equals("query"))) {
                    requests.computeIfAbsent(e.path("org").asText(), k -> new ArrayList<>()).add(new FloorRun.PageRequest(since,
                            e.path("provider").asText(), e.path("org").asText(), e.path("path").asText(), e.path("query").asText(null)));
                }
            }
        }
        Map<String, String> ids = new java.util.HashMap<>();
        connected.forEach(c -> ids.put(c.sandboxOrg(), c.organisationId()));
        return new FloorRun(sandbox, sandbox.baseUrl(), database).run(requests, ids, threads);
    }

    /**
     * No target met by leaving work out: on a sample of organisations, every open invoice is decided
     * again (the full decide a new day would run) and must plan nothing that is not in the outbox yet.
     */
    private String checkOutbox(DemoRunner.Admin admin, List<DemoRunner.Connected> connected) throws Exception {
        List<java.util.UUID> sample = new ArrayList<>();
        int step = Math.max(1, connected.size() / 10);
        for (int i = 0; i < connected.size(); i += step) {
            sample.add(java.util.UUID.fromString(connected.get(i).organisationId()));
        }
        long[] before = outboxAndStates(sample);
        try (var c = database.getConnection();
             var s = c.prepareStatement("update organisation set full_decide_on = null where id = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", sample.toArray()));
            s.executeUpdate();
        }
        for (java.util.UUID id : sample) {
            admin.check(admin.send("POST", "/admin/organisations/" + id + "/cycle", null), "deciding every invoice of " + id);
        }
        long[] after = outboxAndStates(sample);
        return String.format("outbox check on %d organisations (every invoice decided again): %d outbox actions before, %d after"
                        + " (%s); %d dunning-state writes", sample.size(), before[0], after[0],
                after[0] == before[0] ? "nothing was left out" : "MISSING ACTIONS: the cycles left work out", after[1] - before[1]);
    }

    private long[] outboxAndStates(List<java.util.UUID> organisations) throws Exception {
        try (var c = database.getConnection(); var s = c.prepareStatement("""
                select (select count(*) from outbox_action where organisation_id = any(?)),
                       (select coalesce(sum(version), 0) from dunning_state where organisation_id = any(?))""")) {
            var ids = c.createArrayOf("uuid", organisations.toArray());
            s.setArray(1, ids);
            s.setArray(2, ids);
            try (var r = s.executeQuery()) {
                r.next();
                return new long[] {r.getLong(1), r.getLong(2)};
            }
        }
    }

    private Phase cycleAll(String name, SandboxProcess sandbox, DemoRunner.Admin admin, List<DemoRunner.Connected> connected)
            throws Exception {
        long seq = summary(sandbox, 0).path("lastSeq").asLong();
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
                    if (n == 20 && heapAtTwenty[0] < 0) {
                        heapAtTwenty = new long[] {heap.peak(), heap.keptPeak()};
                    }
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
        JsonNode summary = summary(sandbox, seq);
        Map<String, Integer> operations = new TreeMap<>();
        summary.path("byOperation").fields().forEachRemaining(e -> operations.put(e.getKey(), e.getValue().asInt()));
        long max = 0;
        for (var it = summary.path("byOrg").fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getKey().isEmpty()) {
                max = Math.max(max, e.getValue().asLong());
            }
        }
        long count = summary.path("count").asLong();
        double mean = count / (double) connected.size();
        Log.infof("Benchmark: %s took %s: %s; %d calls (%.1f per organisation, max %d)", name, wall, results, count, mean, max);
        Log.infof("Benchmark: %s: calls by operation %s", name, operations);
        return new Phase(name, wall, results, mean, max, operations);
    }

    /** Pays (in full) 1 % of each organisation's open invoices, as customers would between two cycles. */
    private int changeOnePercent(SandboxControl sandbox, List<DemoRunner.Connected> connected) throws Exception {
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
