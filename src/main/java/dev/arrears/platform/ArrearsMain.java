package dev.arrears.platform;

import dev.arrears.application.forecast.DecisionRule;
import dev.arrears.domain.dunning.DunningEngine;
import dev.arrears.cli.CreateAdminCommand;
import dev.arrears.cli.demo.BenchCommand;
import dev.arrears.cli.demo.DemoCommand;
import dev.arrears.cli.forecast.ForecastCommand;
import dev.arrears.cli.SandboxCommand;
import dev.arrears.cli.ResealSecretsCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The application's entry point. Quarkus' launcher ({@code quarkus-run.jar}) calls this
 * {@code main} before anything is booted, so {@code forecast} runs as a plain Java program: no
 * database, no HTTP server, no configuration needed. Anything else starts the daemon.
 */
@QuarkusMain
public final class ArrearsMain {

    static final String USAGE = """
            Usage:
              java -jar quarkus-run.jar                  start the Arrears daemon
              java -jar quarkus-run.jar forecast ...     try a policy on sample invoices (no database needed);
                                                         'forecast --help' lists its options
              java -jar quarkus-run.jar demo ...         the daemon against the embedded sandbox ledgers on a simulated clock;
                                                         'demo --help' lists its options
              java -jar quarkus-run.jar bench ...        the benchmark against the embedded sandbox; 'bench --help'
              java -jar quarkus-run.jar sandbox ...      run the Xero and QuickBooks sandbox ledgers (no database needed);
                                                         'sandbox --help' lists its options
              java -jar quarkus-run.jar reseal-secrets   seal every stored secret again under ARREARS_SECRETS_KEY
                                                         (after a key rotation; old keys in ARREARS_SECRETS_OLD_KEYS)
              java -jar quarkus-run.jar create-admin --username NAME [--name "..."]
                                                         add a console firm admin; the password is asked for
                                                         (or read from standard input), never taken from argv
            """;

    private ArrearsMain() {
    }

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("forecast")) {
            // The forecast's default start is today in the send rules' zone: platform is the one place allowed to read the clock.
            int status = new ForecastCommand(DecisionRule.engine(new DunningEngine()), System.getenv())
                    .run(List.of(args).subList(1, args.length), System.out, System.err, zone -> LocalDate.now(Clock.system(zone)));
            System.out.flush();
            System.exit(status);
        }
        if (args.length > 0 && args[0].equals("sandbox")) {
            // A stand-in for Xero and QuickBooks, in its own process so it outlives a killed daemon.
            System.exit(SandboxCommand.run(List.of(args).subList(1, args.length), System.out, System.err,
                    Clock.systemUTC(), System.getenv()));
        }
        if (args.length > 0 && args[0].equals("demo")) {
            // Arrears against the embedded sandbox on a simulated clock: prepares the configuration, then boots as usual.
            int status = DemoCommand.prepare(List.of(args).subList(1, args.length), System.out, System.err,
                    Clock.systemUTC(), System.getenv());
            if (status >= 0) {
                System.exit(status);
            }
            Quarkus.run();
            return;
        }
        if (args.length > 0 && args[0].equals("bench")) {
            // The benchmark: Arrears against the embedded sandbox, real clock, limits on; exits with the figures.
            int status = BenchCommand.prepare(List.of(args).subList(1, args.length), System.out, System.err,
                    Clock.systemUTC(), System.getenv());
            if (status >= 0) {
                System.exit(status);
            }
            Quarkus.run();
            return;
        }
        if (args.length > 0 && args[0].equals("reseal-secrets")) {
            // Same database and keys as the daemon; boots, re-seals, exits with the command's status.
            ResealSecretsCommand.prepare();
            Quarkus.run(ResealSecretsCommand.class, (status, failure) -> System.exit(failure == null ? status : 1));
            return;
        }
        if (args.length > 0 && args[0].equals("create-admin")) {
            // A console firm admin, its password read from the terminal or standard input, never from argv.
            CreateAdminCommand.prepare();
            Quarkus.run(CreateAdminCommand.class, (status, failure) -> System.exit(failure == null ? status : 1),
                    Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && Arrays.asList("--help", "-h", "help").contains(args[0])) {
            System.out.print(USAGE);
            System.exit(0);
        }
        Quarkus.run(args);
    }
}
