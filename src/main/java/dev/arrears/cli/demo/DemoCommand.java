package dev.arrears.cli.demo;

import static dev.arrears.cli.CommandArgs.value;

import dev.arrears.sandbox.SandboxOptions;
import dev.arrears.sandbox.SandboxServer;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code demo [--seconds-per-day 10] [--port 8080] [--sandbox-port 8099] [--seed demo]}: Arrears
 * against the sandbox ledgers, embedded in the same JVM, on a simulated clock that advances one day
 * every few seconds. Prepares the configuration (profile {@code demo}, clock, scaled cadences,
 * sandbox URLs, a throw-away operator token and secrets key) as system properties, starts the
 * sandbox, and lets the caller boot Quarkus; {@link DemoRunner} then connects the organisations.
 */
public final class DemoCommand {

    /** The demo's call budgets: none that a demo run could reach (see where it is set). */
    private static final String DEMO_BUDGET = "1000000";

    public static final String USAGE = """
            Usage: demo [options]     (database: QUARKUS_DATASOURCE_JDBC_URL, default jdbc:postgresql://localhost:5432/arrears_demo
                                       as user postgres, created when missing; its name must contain 'demo' or 'e2e':
                                       the demo empties it at every start)
              --seconds-per-day N   real seconds per simulated day (default 10)
              --port N              the admin API's port (default 8080)
              --management-port N   health and metrics (default 9000)
              --sandbox-port N      the sandbox ledgers' port (default 8099; 0 = any free port)
              --smtp-port N         the embedded SMTP server's port (default 2525; 0 = any free port); with
                                    ARREARS_EMAIL_SMTP_HOST set, reminders go to that server instead
              --seed SEED           sandbox seed: demo (default), demo:N
            """;

    private static final SecureRandom RANDOM = new SecureRandom();

    private static volatile SandboxServer sandbox;
    private static volatile HandOverClock sandboxClock;
    private static volatile long secondsPerDay = 10;
    private static volatile Instant started = Instant.EPOCH;

    private DemoCommand() {
    }

    /**
     * Sets everything up for {@code Quarkus.run}. Returns the exit status to stop with, or -1 to
     * go on and boot the daemon.
     */
    public static int prepare(List<String> args, PrintStream out, PrintStream err, Clock system, Map<String, String> env) {
        long perDay = 10;
        int port = 8080;
        int managementPort = 9000;
        int sandboxPort = 8099;
        int smtpPort = 2525;
        String seed = "demo";
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--help", "-h" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    case "--seconds-per-day" -> perDay = Long.parseLong(value(args, ++i, a));
                    case "--port" -> port = Integer.parseInt(value(args, ++i, a));
                    case "--management-port" -> managementPort = Integer.parseInt(value(args, ++i, a));
                    case "--sandbox-port" -> sandboxPort = Integer.parseInt(value(args, ++i, a));
                    case "--smtp-port" -> smtpPort = Integer.parseInt(value(args, ++i, a));
                    case "--seed" -> seed = value(args, ++i, a);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (perDay < 2 || perDay > 86_400) {
                throw new IllegalArgumentException("--seconds-per-day must be between 2 and 86400");
            }
            if (smtpPort < 0 || smtpPort > 65_535) {
                throw new IllegalArgumentException("--smtp-port must be between 0 and 65535");
            }
            if (!seed.equals("demo") && !seed.startsWith("demo:")) {
                throw new IllegalArgumentException("--seed takes demo or demo:N");
            }
        } catch (IllegalArgumentException e) {
            err.println("demo: " + e.getMessage());
            err.println();
            err.print(USAGE);
            return 2;
        }
        // Nothing needs exporting: a local PostgreSQL as user postgres and the database arrears_demo by default.
        String jdbc = setting(env, "QUARKUS_DATASOURCE_JDBC_URL", "quarkus.datasource.jdbc.url");
        if (jdbc == null || jdbc.isBlank()) {
            jdbc = DemoDatabase.DEFAULT_URL;
            System.setProperty("quarkus.datasource.jdbc.url", jdbc);
        }
        String user = setting(env, "QUARKUS_DATASOURCE_USERNAME", "quarkus.datasource.username");
        if (user == null || user.isBlank()) {
            user = DemoDatabase.DEFAULT_USER;
            System.setProperty("quarkus.datasource.username", user);
        }
        String database = databaseName(jdbc);
        String lower = database.toLowerCase(Locale.ROOT);
        if (!lower.contains("demo") && !lower.contains("e2e")) {
            err.println("demo: the demo empties its database at every start; point QUARKUS_DATASOURCE_JDBC_URL at a database"
                    + " whose name contains 'demo' or 'e2e' (e.g. arrears_demo), not '" + database + "'");
            return 2;
        }
        var problem = DemoDatabase.ensure(jdbc, user, setting(env, "QUARKUS_DATASOURCE_PASSWORD", "quarkus.datasource.password"));
        if (problem.isPresent()) {
            err.println("demo: " + problem.get());
            return 2;
        }

        Instant start = system.instant().truncatedTo(ChronoUnit.SECONDS);
        Duration perSecond = Duration.ofSeconds(86_400).dividedBy(perDay);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.profile", "demo");
        props.put("quarkus.http.port", Integer.toString(port));
        props.put("quarkus.management.port", Integer.toString(managementPort));
        props.put("arrears.demo.enabled", "true");
        props.put("arrears.demo.seconds-per-day", Long.toString(perDay));
        props.put("arrears.clock.mode", "accelerated");
        props.put("arrears.clock.start", start.toString());
        props.put("arrears.clock.per-second", perSecond.toString());
        // Cadences are measured on the simulated clock: scale them so they mean the same in real seconds.
        props.put("arrears.cycle.sync-every", real(perSecond, 2.5));
        props.put("arrears.cycle.decide-every", real(perSecond, 2.5));
        props.put("arrears.cycle.lease-duration", real(perSecond, 70));
        props.put("arrears.dispatch.claim-duration", real(perSecond, 70));
        props.put("arrears.cycle.failure-backoff-base", real(perSecond, 5));
        props.put("arrears.cycle.failure-backoff-max", real(perSecond, 60));
        props.put("arrears.dispatch.backoff-base", real(perSecond, 5));
        props.put("arrears.dispatch.backoff-max", real(perSecond, 60));

        HandOverClock clock = new HandOverClock(start);
        SandboxServer server;
        try {
            server = SandboxServer.start(SandboxOptions.create(clock).wallClock(system).port(sandboxPort).seed(seed)
                    .controlToken(env.get("ARREARS_SANDBOX_CONTROL_TOKEN"))
                    .tokenLifetimesOnWallClock(true)
                    // The providers' rate limits count real minutes, the daemon's own limiters count minutes of its
                    // (simulated) clock: at one day per 10 s they cannot agree, so the demo switches them off. The
                    // benchmark runs on the real clock with the limits on.
                    .limits(false));
        } catch (IllegalStateException e) {
            err.println("demo: " + e.getMessage() + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : "")
                    + "; pick another port with --sandbox-port");
            return 2;
        }
        props.putAll(server.connectorSettings());
        // Arrears' own budgets count real time (a minute of the limiter is a minute of the machine's), while
        // the demo's days last seconds: 60 Xero calls a real minute would be 60 calls per six simulated days,
        // and reminders would go out days late. The sandbox enforces no limits here, so neither does the daemon.
        props.put("arrears.xero.limits.per-minute", DEMO_BUDGET);
        props.put("arrears.xero.limits.per-day", DEMO_BUDGET);
        props.put("arrears.xero.limits.app-per-minute", DEMO_BUDGET);
        props.put("arrears.quickbooks.limits.requests-per-minute", DEMO_BUDGET);
        props.put("arrears.quickbooks.limits.batches-per-minute", DEMO_BUDGET);
        props.put("arrears.quickbooks.environment", "production");
        // Every demo organisation gets a sender profile (DemoRunner) without its own server: its reminders go
        // to the firm-wide default server, the embedded one unless the environment names another.
        String smtp;
        if (setting(env, "ARREARS_EMAIL_SMTP_HOST", "arrears.email.smtp.host") == null) {
            DemoMailServer mail;
            try {
                mail = DemoMailServer.start(smtpPort);
            } catch (IllegalStateException e) {
                server.stop();
                err.println("demo: " + e.getMessage() + "; pick another port with --smtp-port");
                return 2;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "demo-smtp-shutdown"));
            // Set outright: a stray ARREARS_EMAIL_SMTP_PORT must not point the demo's reminders elsewhere.
            System.setProperty("arrears.email.smtp.host", "127.0.0.1");
            System.setProperty("arrears.email.smtp.port", Integer.toString(mail.port()));
            System.setProperty("arrears.email.smtp.security", "NONE");   // loopback only: nothing crosses a network
            smtp = "embedded SMTP server on 127.0.0.1:" + mail.port() + " (it keeps what it receives; nothing goes further)";
        } else {
            smtp = "SMTP server " + setting(env, "ARREARS_EMAIL_SMTP_HOST", "arrears.email.smtp.host") + " (from your environment)";
        }

        boolean tokenGiven = setting(env, "ARREARS_OPERATOR_TOKEN", "arrears.operator.token") != null;
        String operatorToken = tokenGiven ? null : Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(24));
        if (operatorToken != null) {
            props.put("arrears.operator.token", operatorToken);
        }
        // The console's first firm admin (docs/console.md): a demo sign-in unless the environment names one.
        boolean adminGiven = setting(env, "ARREARS_CONSOLE_ADMIN_USERNAME", "arrears.console.admin-username") != null;
        String consolePassword = adminGiven ? null : Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(12));
        if (consolePassword != null) {
            props.put("arrears.console.admin-username", "demo");
            props.put("arrears.console.admin-password", consolePassword);
        }
        if (setting(env, "ARREARS_SECRETS_KEY", "arrears.secrets.key") == null) {
            // The demo's database is emptied at every start, so a key that lives as long as the process is enough.
            props.put("arrears.secrets.key", random(32));
        }
        props.forEach((k, v) -> {
            if (System.getProperty(k) == null && !inEnvironment(env, k)) {
                System.setProperty(k, v);
            }
        });
        System.setProperty("quarkus.profile", "demo");
        System.setProperty("arrears.demo.enabled", "true");

        sandbox = server;
        sandboxClock = clock;
        secondsPerDay = perDay;
        started = start;
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "demo-sandbox-shutdown"));

        out.println("Arrears demo: one simulated day every " + perDay + " s, starting " + start);
        out.println("  sandbox ledgers (Xero and QuickBooks imitations) on " + server.baseUrl()
                + "   control token: " + server.controlToken());
        out.println("  admin API on http://localhost:" + port + "/admin   operator token: "
                + (operatorToken != null ? operatorToken : "$ARREARS_OPERATOR_TOKEN (from your environment)"));
        out.println("  health and metrics on http://localhost:" + managementPort + "/q/health and /q/metrics");
        out.println("  console on http://localhost:" + port + "/console   sign in as "
                + (consolePassword != null ? "demo / " + consolePassword : "$ARREARS_CONSOLE_ADMIN_USERNAME (from your environment)"));
        out.println("  reminder emails go to the " + smtp + "; read them with"
                + " GET /admin/organisations/{id}/emails");
        out.println("  database " + database + " is emptied now; stop the demo with Ctrl-C");
        out.flush();
        return -1;
    }

    /** The sandbox started by {@link #prepare}, or null outside the demo. */
    static SandboxServer sandbox() {
        return sandbox;
    }

    static void handOver(Clock daemonClock) {
        HandOverClock c = sandboxClock;
        if (c != null) {
            c.handOver(daemonClock);
        }
    }

    static Instant start() {
        return started;
    }

    static long secondsPerDay() {
        return secondsPerDay;
    }

    static String real(Duration perSecond, double realSeconds) {
        return Duration.ofNanos((long) (perSecond.toNanos() * realSeconds)).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String databaseName(String jdbcUrl) {
        String rest = jdbcUrl;
        int q = rest.indexOf('?');
        if (q >= 0) {
            rest = rest.substring(0, q);
        }
        int slash = rest.lastIndexOf('/');
        return slash >= 0 ? rest.substring(slash + 1) : rest;
    }

    private static String setting(Map<String, String> env, String envName, String property) {
        String p = System.getProperty(property);
        return p != null ? p : env.get(envName);
    }

    private static boolean inEnvironment(Map<String, String> env, String property) {
        return env.containsKey(property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }

    private static String random(int bytes) {
        return Base64.getEncoder().encodeToString(bytes(bytes));
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
