package dev.arrears.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arrears.sandbox.SandboxServer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo's second half, active only when {@code arrears.demo.enabled=true} (set by the
 * {@code demo} command): hands the daemon's clock to the embedded sandbox, connects every sandbox
 * organisation through the admin API exactly as an operator would (headless registration with a
 * refresh token from the sandbox's grants API, late-fee choices, a first cycle in preview, then
 * live), and narrates each simulated day from the sandbox ledgers' side.
 */
@ApplicationScoped
public class DemoRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean enabled;
    private final int httpPort;
    private final Optional<String> operatorToken;
    private final Clock clock;
    private volatile Thread worker;

    DemoRunner(@ConfigProperty(name = "arrears.demo.enabled", defaultValue = "false") boolean enabled,
               @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort,
               @ConfigProperty(name = "arrears.operator.token") Optional<String> operatorToken,
               Clock clock) {
        this.enabled = enabled;
        this.httpPort = httpPort;
        this.operatorToken = operatorToken;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        SandboxServer sandbox = DemoCommand.sandbox();
        if (!enabled || sandbox == null) {
            return;
        }
        DemoCommand.handOver(clock);
        Thread t = new Thread(() -> run(sandbox), "demo");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
    }

    private void run(SandboxServer sandbox) {
        try {
            Admin admin = new Admin("http://localhost:" + httpPort, operatorToken.orElseThrow());
            admin.awaitUp();
            List<Connected> connected = connect(sandbox::control, admin, true);
            guide(sandbox, connected);
            narrate(sandbox, admin, connected);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            Log.errorf(e, "Demo: setting up failed: %s", e.getMessage());
        }
    }

    public record Connected(String organisationId, String sandboxOrg, String name, String provider) {
    }

    /** Connects every sandbox organisation; with {@code live}, runs a first cycle in preview and switches it live. */
    static List<Connected> connect(SandboxControl sandbox, Admin admin, boolean live) throws IOException, InterruptedException {
        return connect(sandbox, admin, live, 1);
    }

    /** As {@link #connect(SandboxControl, Admin, boolean)}, {@code threads} organisations at a time (in the sandbox's order). */
    static List<Connected> connect(SandboxControl sandbox, Admin admin, boolean live, int threads)
            throws IOException, InterruptedException {
        JsonNode orgs = JSON.valueToTree(sandbox.control("GET", "/_sandbox/orgs", null));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<java.util.concurrent.Future<java.util.Optional<Connected>>> futures = new ArrayList<>();
            for (JsonNode org : orgs.path("orgs")) {
                futures.add(pool.submit(() -> connectOne(sandbox, admin, live, org)));
            }
            List<Connected> out = new ArrayList<>();
            for (var f : futures) {
                f.get().ifPresent(out::add);
            }
            return out;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static java.util.Optional<Connected> connectOne(SandboxControl sandbox, Admin admin, boolean live, JsonNode org)
            throws IOException, InterruptedException {
        String id = org.path("id").asText();
        String name = org.path("name").asText();
        String provider = org.path("provider").asText();
        JsonNode grant = JSON.valueToTree(sandbox.control("POST", "/_sandbox/grants", JSON.writeValueAsString(Map.of("org", id))));
        String refresh = grant.path("refresh_token").asText();
        String organisationId;
        if (provider.equals("xero")) {
            HttpResponse<String> r = admin.send("POST", "/admin/xero/organisations",
                    Map.of("refreshToken", refresh, "tenantId", id, "policy", "default"));
            if (r.statusCode() == 404) {
                Log.warnf("Demo: %s (Xero) is not connected: this build has no Xero connector", name);
                return java.util.Optional.empty();
            }
            JsonNode body = admin.check(r, "connecting " + name);
            organisationId = body.path("connected").path(0).path("id").asText(body.path("connected").path(0).path("organisationId").asText());
            admin.check(admin.send("PUT", "/admin/xero/organisations/" + organisationId + "/settings",
                    Map.of("accountCode", "260", "taxType", "NONE", "itemCode", "LATEFEE", "approved", true)),
                    "choosing " + name + "'s late-fee account");
        } else {
            JsonNode body = admin.check(admin.send("POST", "/admin/quickbooks/companies",
                    Map.of("realmId", id, "refreshToken", refresh, "policyId", "default", "displayName", name)),
                    "connecting " + name);
            organisationId = body.path("organisationId").asText();
            admin.check(admin.send("PUT", "/admin/quickbooks/companies/" + organisationId + "/settings",
                    Map.of("lateFeeIncomeAccountId", "83")), "choosing " + name + "'s late-fee account");
        }
        if (live) {
            admin.check(admin.send("PUT", "/admin/organisations/" + organisationId + "/sender", sender(name, org.path("country").asText())),
                    "setting up " + name + "'s sender");
            // A first cycle in preview, then live: the go-live rule sends only each invoice's current stage.
            admin.send("POST", "/admin/organisations/" + organisationId + "/cycle", null);
            admin.check(admin.send("POST", "/admin/organisations/" + organisationId + "/live", null), "switching " + name + " live");
            Log.infof("Demo: %s (%s, sandbox id %s) connected as organisation %s and switched LIVE", name, provider, id, organisationId);
        }
        return java.util.Optional.of(new Connected(organisationId, id, name, provider));
    }

    /**
     * A sender profile on the firm-wide default server (the demo's embedded SMTP server): the
     * organisation's reminders go out as Arrears' own emails, in German for a German organisation.
     */
    static Map<String, Object> sender(String organisation, String country) {
        String plain = organisation.replaceAll("[^A-Za-z0-9 ]", "").strip();
        String domain = plain.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return Map.of("channel", "email",
                "from", plain + " Accounts <accounts@" + (domain.isEmpty() ? "demo" : domain) + ".example>",
                "replyTo", "Demo Bookkeeper <bookkeeper@firm.example>",
                "language", country.equals("DE") ? "de" : "en");
    }

    private void guide(SandboxServer sandbox, List<Connected> connected) {
        StringBuilder b = new StringBuilder();
        b.append("\n=== Arrears demo is running: one simulated day every ").append(DemoCommand.secondsPerDay()).append(" s ===\n");
        b.append("Watch it through the admin API (the operator token was printed at start):\n");
        b.append("  H=\"Authorization: Bearer $ARREARS_OPERATOR_TOKEN\"; A=http://localhost:").append(httpPort).append("/admin\n");
        b.append("  curl -s -H \"$H\" $A/organisations\n");
        b.append("  curl -s -H \"$H\" \"$A/organisations/<id>/outbox?status=DONE\"\n");
        b.append("Read the reminder emails the customers received (subject, text and HTML; every organisation sends\n");
        b.append("through the demo's SMTP server). One invoice's emails, oldest first, show how the tone changes:\n");
        b.append("  curl -s -H \"$H\" \"$A/organisations/<id>/emails?limit=20\"\n");
        b.append("  curl -s -H \"$H\" \"$A/organisations/<id>/emails?invoice=<invoiceId>\" | jq -r 'reverse[] | .subject, .text'\n");
        b.append("and the sandbox ledgers' side (control token printed at start):\n");
        b.append("  curl -s -H \"X-Sandbox-Token: $T\" ").append(sandbox.baseUrl()).append("/_sandbox/ledger/<sandbox id>\n");
        b.append("Organisations:\n");
        for (Connected c : connected) {
            b.append(String.format("  %-26s %-10s organisation %s  sandbox id %s%n", c.name(), c.provider(), c.organisationId(), c.sandboxOrg()));
        }
        Log.info(b.toString());
    }

    /** Once per simulated day: what the ledgers show (reminders, late fees, payments, open invoices). */
    private void narrate(SandboxServer sandbox, Admin admin, List<Connected> connected) throws InterruptedException {
        LocalDate first = LocalDate.ofInstant(DemoCommand.start(), ZoneOffset.UTC);
        Map<String, String> last = new LinkedHashMap<>();
        while (!Thread.currentThread().isInterrupted()) {
            Thread.sleep(Duration.ofSeconds(DemoCommand.secondsPerDay()));
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            StringBuilder b = new StringBuilder();
            long reminders = 0;
            long fees = 0;
            for (Connected c : connected) {
                JsonNode l = JSON.valueToTree(sandbox.control("GET", "/_sandbox/ledger/" + c.sandboxOrg() + "?invoices=true", null));
                int[] stopped = chaseStopped(l);
                long sent = reminders(l).size();
                reminders += sent;
                fees += l.path("lateFeeInvoices").asLong();
                String line = String.format("reminders %3d, late fees %2d, payments %3d, open %3d, paid after a reminder %2d"
                                + " (reminded after payment: %d)%s",
                        sent, l.path("lateFeeInvoices").asLong(), l.path("payments").asLong(),
                        l.path("open").asLong(), stopped[0], stopped[1], l.path("duplicateCreatedKeys").isEmpty() ? "" : ", DUPLICATES " + l.path("duplicateCreatedKeys"));
                String changed = line.equals(last.get(c.sandboxOrg())) ? "" : "  *";
                last.put(c.sandboxOrg(), line);
                b.append(String.format("%n  %-26s %s%s   | Arrears outbox: %s", c.name(), line, changed, outbox(admin, c)));
            }
            Log.infof("Demo day %d (%s): in the sandbox ledgers, %d reminders sent and %d late fees raised so far%s",
                    today.toEpochDay() - first.toEpochDay(), today, reminders, fees, b);
        }
    }

    /**
     * Invoices paid in full after at least one reminder (the chase they stopped), and how many of
     * them got a reminder more than a simulated day after the payment (should stay 0).
     */
    private static int[] chaseStopped(JsonNode ledger) {
        Map<String, List<java.time.Instant>> emails = new java.util.HashMap<>();
        reminders(ledger).forEach(r -> emails.computeIfAbsent(r.getKey(), k -> new ArrayList<>()).add(r.getValue()));
        int paidAfterReminder = 0;
        int remindedAfter = 0;
        for (JsonNode i : ledger.path("invoiceStates")) {
            List<java.time.Instant> sent = emails.get(i.path("id").asText());
            if (sent == null || i.path("amountDue").asDouble() != 0 || i.path("payments").isEmpty()) {
                continue;
            }
            java.time.Instant paid = java.time.Instant.MIN;
            for (JsonNode p : i.path("payments")) {
                java.time.Instant at = java.time.Instant.parse(p.path("at").asText());
                paid = at.isAfter(paid) ? at : paid;
            }
            java.time.Instant paidAt = paid;
            if (sent.stream().anyMatch(t -> t.isBefore(paidAt))) {
                paidAfterReminder++;
            }
            if (sent.stream().anyMatch(t -> t.isAfter(paidAt.plus(Duration.ofDays(1))))) {
                remindedAfter++;
            }
        }
        return new int[] {paidAfterReminder, remindedAfter};
    }

    /**
     * The reminders the ledger shows, as (invoice id, when): its own invoice emails (the ledger channel)
     * and the notes recording an email Arrears sent (the email channel writes one after each email).
     */
    static List<Map.Entry<String, java.time.Instant>> reminders(JsonNode ledger) {
        List<Map.Entry<String, java.time.Instant>> out = new ArrayList<>();
        ledger.path("emails").forEach(e -> out.add(Map.entry(e.path("invoiceId").asText(), java.time.Instant.parse(e.path("at").asText()))));
        ledger.path("notes").forEach(n -> {
            if (n.path("text").asText().contains("reminder emailed to")) {
                out.add(Map.entry(n.path("invoiceId").asText(), java.time.Instant.parse(n.path("at").asText())));
            }
        });
        return out;
    }

    /** The organisation's outbox as Arrears sees it: actions per status (DONE, CANCELLED for a payment, ...). */
    private static String outbox(Admin admin, Connected c) {
        try {
            HttpResponse<String> r = admin.send("GET", "/admin/organisations/" + c.organisationId() + "/outbox", null);
            if (r.statusCode() != 200) {
                return "HTTP " + r.statusCode();
            }
            Map<String, Integer> counts = new java.util.TreeMap<>();
            JSON.readTree(r.body()).forEach(a -> counts.merge(a.path("status").asText(), 1, Integer::sum));
            return counts.toString();
        } catch (IOException e) {
            return "unavailable (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The daemon's own admin API over loopback, as an operator would call it. */
    static final class Admin {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;
        private final String token;
        private final Duration requestTimeout;

        Admin(String base, String token) {
            this(base, token, Duration.ofSeconds(120));
        }

        /** @param requestTimeout how long one request may take: a benchmark's first cycle of a large organisation runs for minutes */
        Admin(String base, String token, Duration requestTimeout) {
            this.base = base;
            this.token = token;
            this.requestTimeout = requestTimeout;
        }

        void awaitUp() throws InterruptedException {
            for (int i = 0; i < 600; i++) {
                try {
                    // The operator API itself, not /q/health: health lives on the management port.
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/status"))
                                    .header("Authorization", "Bearer " + token).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("the admin API did not come up on " + base);
        }

        HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(requestTimeout)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json");
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        JsonNode check(HttpResponse<String> r, String what) throws IOException {
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("Demo: " + what + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        }
    }
}
