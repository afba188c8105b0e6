package dev.arrears.cli.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox ledgers as their own process, started by the benchmark: this application's own jar
 * with the {@code sandbox} command, so the benchmark's heap and RSS figures are Arrears' alone. Its
 * output goes to a log file beside the benchmark's result; it is stopped with the benchmark (and by
 * a shutdown hook if the benchmark dies).
 */
final class SandboxProcess implements SandboxControl, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final Process process;
    private final String baseUrl;
    private final String controlToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SandboxProcess(Process process, String baseUrl, String controlToken) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.controlToken = controlToken;
    }

    /**
     * Starts {@code java -jar <this jar> sandbox ...} and waits until it listens.
     *
     * @param log where the child's output goes
     * @throws IllegalStateException when this process does not run from a jar, or the child does not come up
     */
    static SandboxProcess start(String seed, String heap, int journalCapacity, Path log) {
        String jar = System.getProperty("java.class.path", "");
        if (!jar.endsWith(".jar") || jar.contains(java.io.File.pathSeparator)) {
            throw new IllegalStateException("bench starts the sandbox from this application's jar (java -jar quarkus-run.jar bench);"
                    + " class path is " + jar);
        }
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String token = "bench-sandbox-" + HexFormat.of().formatHex(random);
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-jar", jar, "sandbox", "--port", "0",
                "--seed", seed, "--threads", "16", "--journal-capacity", Integer.toString(journalCapacity)));
        try {
            if (log.getParent() != null) {
                Files.createDirectories(log.getParent());
            }
            // The token goes in the environment, not the command line other users of the machine can read.
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("ARREARS_SANDBOX_CONTROL_TOKEN", token);
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "bench-sandbox-stop"));
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() - deadline < 0) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the sandbox process ended with status " + process.exitValue() + "; see " + log);
                }
                Matcher m = LISTENING.matcher(Files.exists(log) ? Files.readString(log) : "");
                if (m.find()) {
                    return new SandboxProcess(process, m.group(1), token);
                }
                Thread.sleep(200);
            }
            process.destroy();
            throw new IllegalStateException("the sandbox process did not start listening within 5 minutes; see " + log);
        } catch (IOException e) {
            throw new UncheckedIOException("starting the sandbox process: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the sandbox process", e);
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    /** The connector settings to point Arrears at it (from its {@code GET /_sandbox/config}). */
    Map<String, String> connectorSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        control("GET", "/_sandbox/config", null).forEach((k, v) -> {
            if (k.startsWith("arrears.")) {
                settings.put(k, String.valueOf(v));
            }
        });
        return settings;
    }

    @Override
    public Map<String, Object> control(String method, String pathAndQuery, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofMinutes(2)).header("X-Sandbox-Token", controlToken).header("Accept", "application/json");
        request = jsonBody == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> map = new LinkedHashMap<>(JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() { }));
            map.put("_status", response.statusCode());
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException("sandbox control " + method + " " + pathAndQuery + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
