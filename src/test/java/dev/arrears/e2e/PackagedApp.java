package dev.arrears.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) as a process of its own,
 * run by the test JVM's Java with the given arguments, environment and system properties, its
 * output appended to a log file. {@link #kill()} is {@code kill -9}: on Linux
 * {@link Process#destroyForcibly()} sends SIGKILL, so no shutdown hook runs.
 */
final class PackagedApp implements AutoCloseable {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();

    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path log;
    private Process process;
    private int starts;

    private PackagedApp(String name, List<String> command, Map<String, String> env, Path log) {
        this.name = name;
        this.command = command;
        this.env = env;
        this.log = log;
    }

    /**
     * Fails (never skips) when the application is not packaged: under {@code ./mvnw verify} the
     * package phase always comes first, so a missing jar is a broken build, not a reason to pass.
     */
    static void requirePackaged() {
        requirePackaged(JAR);
    }

    static void requirePackaged(Path jar) {
        if (!Files.exists(jar)) {
            throw new AssertionError(jar + " is missing: package the application first (./mvnw -B package -DskipTests)");
        }
    }

    /** A builder: {@code jvmOptions} before {@code -jar}, {@code args} after the jar. */
    static Builder named(String name) {
        return new Builder(name);
    }

    static final class Builder {
        private final String name;
        private final List<String> jvm = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Path log;

        private Builder(String name) {
            this.name = name;
            this.log = Path.of("target", "it-" + name + ".log").toAbsolutePath();
        }

        Builder jvm(String... options) {
            jvm.addAll(List.of(options));
            return this;
        }

        Builder args(String... values) {
            args.addAll(List.of(values));
            return this;
        }

        Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        Builder env(Map<String, String> values) {
            env.putAll(values);
            return this;
        }

        /** A configuration property, given as {@code -Dkey=value}. */
        Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        Builder properties(Map<String, String> values) {
            properties.putAll(values);
            return this;
        }

        Builder log(Path file) {
            this.log = file.toAbsolutePath();
            return this;
        }

        PackagedApp build() {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvm);
            properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.add("-jar");
            command.add(JAR.toString());
            command.addAll(args);
            return new PackagedApp(name, List.copyOf(command), Map.copyOf(env), log);
        }
    }

    /** Starts the process (again, after a stop or kill), appending to the same log. */
    PackagedApp start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        if (starts == 0) {
            Files.deleteIfExists(log);
        }
        Files.writeString(log, "=== start " + (++starts) + " of " + name + " ===\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        process = pb.start();
        return this;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    String name() {
        return name;
    }

    /** {@code kill -9}, and waits until the process is gone. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL for 30 s");
            }
        }
    }

    /** SIGTERM (Quarkus shuts down in order), then SIGKILL after {@code grace}. */
    void stop(Duration grace) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        }
    }

    /** The exit value, once the process has ended. */
    int exitValue() {
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(20));
    }

    @Override
    public String toString() {
        return name + " (see " + log + ")";
    }
}
