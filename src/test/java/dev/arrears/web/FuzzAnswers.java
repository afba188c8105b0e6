package dev.arrears.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * What a fuzz run sends and what it refuses to get back: requests on the loopback address, sent
 * raw (so a path may carry %00), and answers checked for a 5xx, more than 64 KB, or a Java class name
 * or stack trace in the body. Failures are collected so that one run reports all of them.
 */
final class FuzzAnswers {

    static final int MAX_BODY = 64 * 1024;
    private static final Pattern JAVA_INSIDE = Pattern.compile(
            "\\b(java|javax|jakarta|org\\.hibernate|org\\.postgresql|com\\.fasterxml|io\\.quarkus|io\\.vertx|dev\\.arrears)\\.[a-z]"
                    + "|[A-Za-z]+Exception\\b|\\n\\s+at [a-z]|\\bat [a-z]+\\.[a-z]+.*\\(\\w+\\.java:\\d+\\)");

    /**
     * The list of every organisation is as long as the organisations stored (the whole suite's, when
     * run with it), not as anything a request says: it is the one answer exempt from the size bound.
     * (It has no paging yet; a deployment with several hundred organisations passes 64 KB too.)
     */
    private static final Pattern UNBOUNDED_LISTING = Pattern.compile("/admin/organisations/?");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final List<String> failures = new ArrayList<>();
    private int sent;

    FuzzAnswers(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Sends one request; {@code rawPath} is already encoded. Returns the answer for further checks. */
    HttpResponse<String> send(String method, String rawPath, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + rawPath)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the application stopped answering after " + sent + " requests: "
                    + method + " " + rawPath, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        sent++;
        String what = method + " " + abbreviate(rawPath) + (body == null ? "" : " " + abbreviate(body));
        if (answer.statusCode() >= 500) {
            failures.add(answer.statusCode() + " for " + what + ": " + abbreviate(answer.body()));
        }
        if (answer.body().length() > MAX_BODY && !UNBOUNDED_LISTING.matcher(rawPath).matches()) {
            failures.add(answer.body().length() + " characters for " + what);
        } else if (JAVA_INSIDE.matcher(answer.body()).find()) {
            failures.add("Java inside the answer to " + what + ": " + abbreviate(answer.body()));
        }
        return answer;
    }

    int sent() {
        return sent;
    }

    void assertClean() {
        assertThat(failures).as("bad answers out of " + sent + " requests").isEmpty();
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Text an attacker or a careless script might send. */
    static String nastyText(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> "a\u0000b";
            case 1 -> "x".repeat(1 + random.nextInt(3000));
            case 2 -> "\u001f\u0007\u007f\u0085";
            case 3 -> "../../etc/passwd";
            case 4 -> "NOPE\" OR Code!=\"x";
            case 5 -> "'; drop table organisation; --";
            case 6 -> "\uD83D\uDE00 \u202E rtl";
            case 7 -> "";
            default -> "plain-" + random.nextInt(1000);
        };
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", "?");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
