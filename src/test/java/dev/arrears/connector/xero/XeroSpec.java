package dev.arrears.connector.xero;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.arrears.connector.ProviderDocuments;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every request the connector sent in a test against Xero's own OpenAPI documents: path,
 * method, query parameters, required headers (xero-tenant-id) and body schema for the Accounting
 * API ({@code xero_accounting.yaml}); the connections list against {@code xero-identity.yaml}. The
 * token and revocation endpoints appear in that document only as OAuth URLs, so their form is
 * checked by hand against RFC 6749/7009. Any violation fails the test.
 */
final class XeroSpec {

    private static final String API_BASE = "/api.xro/2.0";
    private static OpenApiInteractionValidator accounting;
    private static OpenApiInteractionValidator identity;

    private XeroSpec() {
    }

    static void assertAllValid(List<LoggedRequest> requests) {
        List<String> violations = new ArrayList<>();
        for (LoggedRequest request : requests) {
            violations.addAll(violations(request));
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("Requests that break Xero's OpenAPI documents:\n  " + String.join("\n  ", violations));
        }
    }

    static List<String> violations(LoggedRequest request) {
        String path = request.getUrl().split("\\?", 2)[0];
        String name = request.getMethod().getName() + " " + path;
        if (path.startsWith(API_BASE + "/")) {
            // The document gives a resource's PDF (same path, Accept: application/pdf) a path of its own,
            // "{path}/pdf", whose x-path names the real one (getInvoiceAsPdf: x-path /Invoices/{InvoiceID}).
            String accept = request.getHeader("Accept");
            String documented = accept != null && accept.contains("application/pdf") ? path + "/pdf" : path;
            return report(name, accounting().validateRequest(toRequest(request, documented)));
        }
        if (path.equals("/connections") || path.startsWith("/connections/")) {
            // xero-identity.yaml spells the path /Connections; Xero serves it as /connections.
            return report(name, identity().validateRequest(toRequest(request, "/C" + path.substring(2))));
        }
        if (path.equals("/connect/token") || path.equals("/connect/revocation")) {
            return formViolations(name, request, path.equals("/connect/token"));
        }
        return List.of(name + ": not an endpoint of Xero's documents");
    }

    private static List<String> formViolations(String name, LoggedRequest request, boolean token) {
        List<String> problems = new ArrayList<>();
        if (!"POST".equals(request.getMethod().getName())) {
            problems.add(name + ": must be POST");
        }
        String contentType = request.getHeader("Content-Type");
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
            problems.add(name + ": Content-Type must be application/x-www-form-urlencoded");
        }
        String auth = request.getHeader("Authorization");
        if (auth == null || !auth.startsWith("Basic ")
                || !new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8).contains(":")) {
            problems.add(name + ": a confidential client authenticates with HTTP Basic (client_id:client_secret)");
        }
        Map<String, String> form = form(request.getBodyAsString());
        List<String> required = !token ? List.of("token")
                : switch (form.getOrDefault("grant_type", "")) {
                    case "authorization_code" -> List.of("code", "redirect_uri", "code_verifier");
                    case "refresh_token" -> List.of("refresh_token");
                    default -> List.of("grant_type (authorization_code or refresh_token)");
                };
        for (String field : required) {
            if (form.getOrDefault(field, "").isBlank()) {
                problems.add(name + ": form field " + field + " is missing");
            }
        }
        return problems;
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) {
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static Request toRequest(LoggedRequest logged, String path) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(logged.getMethod().getName(), path);
        for (HttpHeader header : logged.getHeaders().all()) {
            builder.withHeader(header.key(), header.values());
        }
        String url = logged.getUrl();
        if (url.contains("?")) {
            Map<String, List<String>> params = new LinkedHashMap<>();
            for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                params.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
            params.forEach(builder::withQueryParam);
        }
        if (logged.getBody() != null && logged.getBody().length > 0) {
            builder.withBody(logged.getBodyAsString());
        }
        return builder.build();
    }

    private static List<String> report(String name, ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> name + ": " + m.getKey() + where(m) + " " + m.getMessage())
                .toList();
    }

    /** The parameter or the place in the body a message is about. */
    private static String where(ValidationReport.Message message) {
        return message.getContext().map(c -> c.getParameter().map(p -> " [" + p.getIn() + " " + p.getName() + "]")
                .or(() -> c.getPointers().map(p -> " [body " + p.getInstance() + "]"))
                .orElse("")).orElse("");
    }

    private static synchronized OpenApiInteractionValidator accounting() {
        if (accounting == null) {
            accounting = OpenApiInteractionValidator.createForSpecificationUrl(spec("xero_accounting.yaml").toUri().toString())
                    .build();
        }
        return accounting;
    }

    private static synchronized OpenApiInteractionValidator identity() {
        if (identity == null) {
            identity = OpenApiInteractionValidator.createForSpecificationUrl(spec("xero-identity.yaml").toUri().toString())
                    .build();
        }
        return identity;
    }

    /** Xero's OpenAPI documents, copied into src/test/resources/apis/xero with their licence. */
    static Path spec(String file) {
        return ProviderDocuments.path("xero/" + file);
    }
}
