package dev.arrears.cli.demo;

import static dev.arrears.cli.CommandArgs.value;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench [--orgs 200] [--invoices 2500] [--threads 2] [--out BENCHMARKS-run.md]}: Arrears
 * against the sandbox ledgers (started by this command as a process of their own, real clock, the
 * providers' rate limits on), seeded with {@code bench:OxI}. {@link BenchRunner} registers every organisation (in preview, so nothing is
 * written to the ledgers), runs the first full sync + decide + outbox of all, a steady-state cycle,
 * a cycle after 1 % of the invoices changed, and prints the figures. Exits when done.
 */
public final class BenchCommand {

    public static final String USAGE = """
            Usage: bench [options]     (needs QUARKUS_DATASOURCE_JDBC_URL pointing at a database whose name contains 'bench':
                                        the benchmark empties it at start)
              --orgs N         organisations, half Xero, half QuickBooks (default 200)
              --invoices N     open invoices per organisation (default 2500)
              --threads N      organisations cycled at once (default 2)
              --out FILE       also write the figures to FILE (default target/bench-result.md)
            """;

    private static volatile SandboxProcess sandbox;

    private BenchCommand() {
    }

    public static int prepare(List<String> args, PrintStream out, PrintStream err, Clock system, Map<String, String> env) {
        int orgs = 200;
        int invoices = 2500;
        int threads = 2;
        String file = "target/bench-result.md";
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--help", "-h" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    case "--orgs" -> orgs = Integer.parseInt(value(args, ++i, a));
                    case "--invoices" -> invoices = Integer.parseInt(value(args, ++i, a));
                    case "--threads" -> threads = Integer.parseInt(value(args, ++i, a));
                    case "--out" -> file = value(args, ++i, a);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        String jdbc = System.getProperty("quarkus.datasource.jdbc.url", env.get("QUARKUS_DATASOURCE_JDBC_URL"));
        if (jdbc == null || !DemoCommand.databaseName(jdbc).toLowerCase(Locale.ROOT).contains("bench")) {
            err.println("bench: point QUARKUS_DATASOURCE_JDBC_URL at a database whose name contains 'bench'"
                    + " (e.g. jdbc:postgresql://127.0.0.1:5432/arrears_bench); it is emptied at start");
            return 2;
        }
        // The sandbox ledgers run as their own process, so that the heap and RSS measured are Arrears' alone.
        SandboxProcess server;
        try {
            server = SandboxProcess.start("bench:" + orgs + "x" + invoices, "1g", 4_000_000,
                    Path.of(file).toAbsolutePath().resolveSibling("bench-sandbox.log"));
        } catch (RuntimeException e) {
            err.println("bench: " + e.getMessage());
            return 1;
        }
        server.connectorSettings().forEach(System::setProperty);
        System.setProperty("quarkus.profile", "bench");
        System.setProperty("arrears.bench.enabled", "true");
        System.setProperty("arrears.bench.threads", Integer.toString(threads));
        System.setProperty("arrears.bench.out", file);
        System.setProperty("arrears.bench.orgs", Integer.toString(orgs));
        System.setProperty("arrears.bench.invoices", Integer.toString(invoices));
        if (env.get("ARREARS_OPERATOR_TOKEN") == null) {
            System.setProperty("arrears.operator.token", "bench-" + java.util.UUID.randomUUID());
        }
        if (env.get("ARREARS_SECRETS_KEY") == null) {
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            System.setProperty("arrears.secrets.key", java.util.Base64.getEncoder().encodeToString(key));
        }
        sandbox = server;
        out.println("Arrears benchmark: " + orgs + " organisations x " + invoices + " open invoices, sandbox on "
                + server.baseUrl() + " (its own process, pid " + server.pid() + "; rate limits on, real clock)");
        out.flush();
        return -1;
    }

    static SandboxProcess sandbox() {
        return sandbox;
    }
}
