package dev.arrears.cli;

import static dev.arrears.cli.CommandArgs.value;

import dev.arrears.platform.clock.AcceleratedClock;
import dev.arrears.sandbox.SandboxOptions;
import dev.arrears.sandbox.SandboxServer;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code sandbox [--port 8099] [--seed demo|bench:OxI] [--clock ...]}: runs the Xero and QuickBooks
 * sandbox ledgers as their own process, until killed. Lives in platform because it picks the clock
 * (the one package allowed to read the system clock); everything else is in dev.arrears.sandbox.
 */
public final class SandboxCommand {

    public static final String USAGE = """
            Usage: sandbox [options]
              --port N                 port to listen on (default 8099; 0 = any free port)
              --host ADDRESS           address to bind (default 127.0.0.1)
              --seed SEED              demo (default), demo:N, bench:200x2500 (organisations x open invoices), empty
              --clock CLOCK            system (default)
                                       fixed:2026-03-02T09:00:00Z
                                       accelerated:START:PER-SECOND  e.g. accelerated:now:PT2H24M = one day every 10 s
                                       (START is an instant or 'now'; PER-SECOND is how much simulated time passes per real second)
              --clock-anchor INSTANT   accelerated: the real instant at which the clock shows START (standing at START
                                       until then); give the daemons the same arrears.clock.anchor to share one time
              --token-lifetimes-on-wall-clock
                                       token lifetimes on the real clock (for a fast accelerated clock, as in the demo)
              --control-token TOKEN    token for /_sandbox/... (default: $ARREARS_SANDBOX_CONTROL_TOKEN, else random)
              --xero-client ID:SECRET  OAuth client the Xero imitation accepts
              --qbo-client ID:SECRET   OAuth client the QuickBooks imitation accepts
              --no-limits              switch the providers' rate limits off
              --threads N              HTTP worker threads (default 16)
              --journal-capacity N     requests kept in the journal (default 200000)
            """;

    private SandboxCommand() {
    }

    /** Parses the arguments and starts the sandbox; returns null (after printing why) when they are wrong. */
    public static SandboxServer start(List<String> args, PrintStream out, PrintStream err, Clock system, Map<String, String> env) {
        int port = 8099;
        String host = "127.0.0.1";
        String seed = "demo";
        String clockSpec = "system";
        Instant anchor = null;
        boolean tokensOnWall = false;
        String token = env.get("ARREARS_SANDBOX_CONTROL_TOKEN");
        String[] xero = null;
        String[] qbo = null;
        boolean limits = true;
        int threads = 16;
        int journal = 200_000;
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--help", "-h" -> {
                        out.print(USAGE);
                        return null;
                    }
                    case "--no-limits" -> limits = false;
                    case "--port" -> port = Integer.parseInt(value(args, ++i, a));
                    case "--host" -> host = value(args, ++i, a);
                    case "--seed" -> seed = value(args, ++i, a);
                    case "--clock" -> clockSpec = value(args, ++i, a);
                    case "--clock-anchor" -> anchor = Instant.parse(value(args, ++i, a));
                    case "--token-lifetimes-on-wall-clock" -> tokensOnWall = true;
                    case "--control-token" -> token = value(args, ++i, a);
                    case "--xero-client" -> xero = pair(value(args, ++i, a), a);
                    case "--qbo-client" -> qbo = pair(value(args, ++i, a), a);
                    case "--threads" -> threads = Integer.parseInt(value(args, ++i, a));
                    case "--journal-capacity" -> journal = Integer.parseInt(value(args, ++i, a));
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            Clock clock = clock(clockSpec, system, anchor);
            SandboxOptions options = SandboxOptions.create(clock).wallClock(system).host(host).port(port).seed(seed)
                    .controlToken(token).limits(limits).threads(threads).tokenLifetimesOnWallClock(tokensOnWall)
                    .journalCapacity(journal);
            if (xero != null) {
                options.xeroClient(xero[0], xero[1]);
            }
            if (qbo != null) {
                options.qboClient(qbo[0], qbo[1]);
            }
            SandboxServer server = SandboxServer.start(options);
            describe(server, clockSpec, out);
            return server;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println("sandbox: " + e.getMessage());
            err.println();
            err.print(USAGE);
            return null;
        }
    }

    /** Starts the sandbox and blocks until the process is stopped. Returns the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err, Clock system, Map<String, String> env) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        SandboxServer server = start(args, out, err, system, env);
        if (server == null) {
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "sandbox-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static Clock clock(String spec, Clock system) {
        return clock(spec, system, null);
    }

    static Clock clock(String spec, Clock system, Instant anchor) {
        if (spec.equals("system")) {
            return system;
        }
        if (spec.startsWith("fixed:")) {
            return Clock.fixed(Instant.parse(spec.substring("fixed:".length())), ZoneOffset.UTC);
        }
        if (spec.startsWith("accelerated:")) {
            String rest = spec.substring("accelerated:".length());
            int last = rest.lastIndexOf(':');
            if (last < 0) {
                throw new IllegalArgumentException("--clock accelerated:START:PER-SECOND, e.g. accelerated:now:PT2H24M");
            }
            String start = rest.substring(0, last);
            Duration perSecond = Duration.parse(rest.substring(last + 1));
            return new AcceleratedClock(system, start.equals("now") ? system.instant() : Instant.parse(start), perSecond,
                    anchor != null ? anchor : system.instant());
        }
        throw new IllegalArgumentException("unknown clock '" + spec + "': system, fixed:INSTANT or accelerated:START:PER-SECOND");
    }

    private static void describe(SandboxServer server, String clockSpec, PrintStream out) {
        out.println("Arrears sandbox ledgers listening on " + server.baseUrl());
        out.println("  seed " + server.ledger().seed() + " (" + server.ledger().invoiceCount() + " invoices), clock " + clockSpec
                + ", simulated now " + server.clock().instant());
        out.println("  control API: " + server.baseUrl() + "/_sandbox/...  header X-Sandbox-Token: " + server.controlToken());
        out.println("  point Arrears at it with:");
        server.connectorSettings().forEach((k, v) -> out.println("    "
                + k.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_') + "=" + v));
        out.flush();
    }

    private static String[] pair(String v, String option) {
        int colon = v.indexOf(':');
        if (colon <= 0 || colon == v.length() - 1) {
            throw new IllegalArgumentException(option + " takes ID:SECRET");
        }
        return new String[] {v.substring(0, colon), v.substring(colon + 1)};
    }
}
