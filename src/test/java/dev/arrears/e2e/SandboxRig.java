package dev.arrears.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A standalone sandbox process (so it outlives any daemon) and daemons of the packaged application
 * against it, all on one simulated clock: the sandbox and every daemon get the same accelerated
 * clock (start, rate, and the real instant it starts running, {@code arrears.clock.anchor}), so a
 * daemon started or restarted at any moment reads the sandbox's time. Until the anchor the clock
 * stands at its start, which leaves time to connect the organisations.
 */
final class SandboxRig implements AutoCloseable {

    final String operatorToken = "it-operator-" + UUID.randomUUID();
    final String controlToken = "it-control-" + UUID.randomUUID();
    final ItDatabase db;
    final Instant simulatedStart;
    final Instant anchor;
    final long secondsPerDay;
    final Duration perSecond;
    final PackagedApp sandbox;
    final E2eHttp http;
    private final String secretsKey;
    private final List<PackagedApp> daemons = new ArrayList<>();
    private Map<String, String> connectorSettings;

    /**
     * @param seed the sandbox seed, e.g. {@code bench:50x20}
     * @param setup how long the clock stands still before it runs (start-up and connecting)
     */
    SandboxRig(String name, String seed, long secondsPerDay, Duration setup) throws Exception {
        this.db = ItDatabase.named("arrears_" + name);
        db.empty();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        this.simulatedStart = now;
        this.anchor = now.plus(setup);
        this.secondsPerDay = secondsPerDay;
        this.perSecond = Duration.ofSeconds(86_400).dividedBy(secondsPerDay);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.secretsKey = Base64.getEncoder().encodeToString(key);
        int port = E2eHttp.freePort();
        this.sandbox = PackagedApp.named(name + "-sandbox").jvm("-Xmx512m")
                .args("sandbox", "--port", Integer.toString(port), "--seed", seed,
                        "--clock", "accelerated:" + simulatedStart + ":" + perSecond, "--clock-anchor", anchor.toString(),
                        "--token-lifetimes-on-wall-clock", "--no-limits", "--control-token", controlToken, "--threads", "32")
                .build().start();
        this.http = new E2eHttp("http://127.0.0.1:" + port, controlToken, operatorToken);
        E2eHttp.await("the sandbox answers (see " + sandbox.log() + ")", Duration.ofSeconds(60),
                () -> alive(sandbox) && http.up(http.sandboxBase() + "/_sandbox/health"));
    }

    private static boolean alive(PackagedApp app) {
        if (!app.isAlive()) {
            throw new AssertionError(app + " ended");
        }
        return true;
    }

    /** The connector settings the sandbox prints, as configuration properties. */
    Map<String, String> connectorSettings() throws IOException, InterruptedException {
        if (connectorSettings == null) {
            JsonNode config = http.sandbox("/_sandbox/config");
            Map<String, String> m = new LinkedHashMap<>();
            config.fields().forEachRemaining(e -> {
                if (e.getKey().startsWith("arrears.")) {
                    m.put(e.getKey(), e.getValue().asText());
                }
            });
            if (m.isEmpty()) {
                throw new IllegalStateException("no connector settings in /_sandbox/config: " + config);
            }
            connectorSettings = m;
        }
        return connectorSettings;
    }

    /** Real seconds as a duration of the simulated clock (cadences are measured on it). */
    String real(double seconds) {
        return Duration.ofNanos((long) (perSecond.toNanos() * seconds)).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A daemon (not started) with its own replica id and admin port, on the rig's database and clock. */
    Daemon daemon(String replica, Map<String, String> extra, String... jvm) throws IOException, InterruptedException {
        int port = E2eHttp.freePort();
        int managementPort = E2eHttp.freePort();
        Map<String, String> p = new LinkedHashMap<>(connectorSettings());
        p.put("arrears.quickbooks.environment", "production");
        p.put("quarkus.http.port", Integer.toString(port));
        p.put("quarkus.management.port", Integer.toString(managementPort));
        p.put("arrears.cycle.replica-id", replica);
        p.put("arrears.clock.mode", "accelerated");
        p.put("arrears.clock.start", simulatedStart.toString());
        p.put("arrears.clock.per-second", perSecond.toString());
        p.put("arrears.clock.anchor", anchor.toString());
        // The scheduler's ticks are real time; the cadences are measured on the simulated clock.
        p.put("arrears.cycle.tick", "PT1S");
        p.put("arrears.dispatch.every", "PT1S");
        p.put("arrears.cycle.start-delay", "PT1S");
        p.put("arrears.dispatch.start-delay", "PT2S");
        p.put("arrears.cycle.sync-every", real(2.5));
        p.put("arrears.cycle.decide-every", real(2.5));
        p.put("arrears.cycle.lease-duration", real(20));
        p.put("arrears.dispatch.claim-duration", real(20));
        p.put("arrears.cycle.failure-backoff-base", real(2));
        p.put("arrears.cycle.failure-backoff-max", real(20));
        p.put("arrears.dispatch.backoff-base", real(2));
        p.put("arrears.dispatch.backoff-max", real(20));
        // Xero keeps Idempotency-Keys six real minutes (the sandbox too, on its wall clock): the daemon repeats within four.
        p.put("arrears.xero.idempotency-window", real(240));
        // The limiters' pauses count real time (a Xero organisation "offline" for five real minutes, a QuickBooks
        // throttle for one): against days of seconds they would stop an organisation for weeks of the run.
        p.put("arrears.xero.limits.offline-backoff", "PT2S");
        p.put("arrears.quickbooks.limits.throttle-backoff", "PT2S");
        p.put("quarkus.log.category.\"dev.arrears\".level", "INFO");
        p.putAll(extra);
        PackagedApp app = PackagedApp.named(db.name().replace("arrears_", "") + "-" + replica)
                .jvm("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1").jvm(jvm)
                .env("QUARKUS_DATASOURCE_JDBC_URL", db.url())
                .env("QUARKUS_DATASOURCE_USERNAME", db.user())
                .env("QUARKUS_DATASOURCE_PASSWORD", db.password())
                .env("ARREARS_OPERATOR_TOKEN", operatorToken)
                .env("ARREARS_SECRETS_KEY", secretsKey)
                .properties(p)
                .build();
        daemons.add(app);
        return new Daemon(replica, "http://localhost:" + port, "http://localhost:" + managementPort, app);
    }

    /** @param management the management interface (health, metrics), on a port of its own */
    record Daemon(String replica, String admin, String management, PackagedApp app) {
    }

    /** Waits until the daemon's readiness check answers 200. */
    void awaitReady(Daemon d, Duration timeout) throws InterruptedException {
        E2eHttp.await(d.replica() + " is ready (see " + d.app().log() + ")", timeout,
                () -> alive(d.app()) && http.up(d.management() + "/q/health/ready"));
    }

    /** An organisation of the sandbox connected through the admin API. */
    record Connected(String organisationId, String sandboxOrg, String name, String provider) {
    }

    /**
     * Connects every sandbox organisation through {@code via}'s admin API as an operator would
     * (the sandbox's grants API stands in for the consent screen), chooses the late-fee settings,
     * runs a first cycle in preview and switches it live.
     */
    List<Connected> connectAll(Daemon via) throws IOException, InterruptedException {
        List<Connected> out = new ArrayList<>();
        String admin = via.admin();
        for (JsonNode org : http.sandboxOrgs()) {
            String id = org.path("id").asText();
            String name = org.path("name").asText();
            String provider = org.path("provider").asText();
            String refresh = http.sandboxPost("/_sandbox/grants", Map.of("org", id)).path("refresh_token").asText();
            String organisationId;
            if (provider.equals("xero")) {
                JsonNode body = http.adminOk(admin, "POST", "/admin/xero/organisations",
                        Map.of("refreshToken", refresh, "tenantId", id, "policy", "default"));
                organisationId = body.path("connected").path(0).path("id")
                        .asText(body.path("connected").path(0).path("organisationId").asText());
                http.adminOk(admin, "PUT", "/admin/xero/organisations/" + organisationId + "/settings",
                        Map.of("accountCode", "260", "taxType", "NONE", "itemCode", "LATEFEE", "approved", true));
            } else {
                organisationId = http.adminOk(admin, "POST", "/admin/quickbooks/companies",
                        Map.of("realmId", id, "refreshToken", refresh, "policyId", "default", "displayName", name))
                        .path("organisationId").asText();
                http.adminOk(admin, "PUT", "/admin/quickbooks/companies/" + organisationId + "/settings",
                        Map.of("lateFeeIncomeAccountId", "83"));
            }
            http.adminSend(admin, "POST", "/admin/organisations/" + organisationId + "/cycle", null);
            http.adminOk(admin, "POST", "/admin/organisations/" + organisationId + "/live", null);
            out.add(new Connected(organisationId, id, name, provider));
        }
        return out;
    }

    /** Pauses every organisation (no new claims), then waits until no action is claimed any more. */
    void quiesce(Daemon via, List<Connected> orgs, Duration timeout) throws IOException, InterruptedException {
        for (Connected c : orgs) {
            http.adminOk(via.admin(), "POST", "/admin/organisations/" + c.organisationId() + "/pause", null);
        }
        E2eHttp.await("every claimed action settled", timeout, () -> {
            try {
                for (Connected c : orgs) {
                    if (http.admin(via.admin(), "/admin/organisations/" + c.organisationId() + "/outbox?status=CLAIMED").size() > 0) {
                        return false;
                    }
                }
                return true;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    /** The ledgers and Arrears' outboxes at the end, both by sandbox id. */
    record EndState(Map<String, JsonNode> ledgers, Map<String, JsonNode> outboxes, List<String> problems, int reminders, int fees) {
    }

    /**
     * The end of a run: each organisation's ledger (the sandbox's side) and outbox (the daemon's),
     * checked with {@link LedgerChecks#exactlyOnce}, and written to {@code file} for a post-mortem.
     */
    EndState endState(Daemon via, List<Connected> orgs, Path file, Map<String, Object> more) throws IOException, InterruptedException {
        Map<String, JsonNode> ledgers = new LinkedHashMap<>();
        Map<String, JsonNode> outboxes = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int reminders = 0;
        int fees = 0;
        for (Connected o : orgs) {
            JsonNode ledger = http.sandbox("/_sandbox/ledger/" + o.sandboxOrg() + "?invoices=true");
            JsonNode outbox = http.admin(via.admin(), "/admin/organisations/" + o.organisationId() + "/outbox");
            ledgers.put(o.sandboxOrg(), ledger);
            outboxes.put(o.sandboxOrg(), outbox);
            problems.addAll(LedgerChecks.exactlyOnce(o.name() + " (" + o.provider() + ")", ledger, outbox));
            reminders += ledger.path("remindersSent").asInt();
            fees += ledger.path("lateFeeInvoices").asInt();
        }
        Map<String, Object> dump = new LinkedHashMap<>(more);
        dump.put("ledgers", ledgers);
        dump.put("outboxes", outboxes);
        E2eHttp.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), dump);
        return new EndState(ledgers, outboxes, problems, reminders, fees);
    }

    /** The sandbox's journal of provider requests, all of it. */
    List<JsonNode> journal() throws IOException, InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        long since = 0;
        while (true) {
            JsonNode page = http.sandbox("/_sandbox/journal?since=" + since + "&limit=5000");
            JsonNode entries = page.path("entries");
            if (entries.isEmpty()) {
                return out;
            }
            entries.forEach(out::add);
            since = entries.get(entries.size() - 1).path("seq").asLong();
        }
    }

    Path logDir() {
        return Path.of("target").toAbsolutePath();
    }

    @Override
    public void close() throws InterruptedException {
        for (PackagedApp d : daemons) {
            d.stop(Duration.ofSeconds(15));
        }
        sandbox.stop(Duration.ofSeconds(5));
    }
}
