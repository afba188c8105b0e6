package dev.arrears.connector.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks every request the connector sent to the fake Intuit: each Accounting API request carries
 * {@code minorversion}, each write a {@code requestid} of at most 50 characters, and each JSON body
 * uses only member names of Intuit's XSD, with the required ones present.
 *
 * <p>The XSD marks nearly every element optional (create and update share the types), so the
 * members Intuit's reference documents as required on create are added here (NOTES.md §6.1, §6.5).
 */
final class IntuitRequestCheck {

    /** Entity written by {@code POST /v3/company/{realm}/<path>}. */
    private static final Map<String, String> ENTITY_BY_PATH = Map.of("invoice", "Invoice", "attachable", "Attachable",
            "item", "Item", "payment", "Payment", "creditmemo", "CreditMemo", "customer", "Customer");

    private static final Map<String, Set<String>> REQUIRED_ON_CREATE = Map.of(
            "Invoice", Set.of("CustomerRef", "Line"),
            "Item", Set.of("Name", "Type"),
            "Attachable", Set.of("AttachableRef"));

    private IntuitRequestCheck() {
    }

    static List<String> violations(WireMockServer server) {
        IntuitXsd xsd = IntuitXsd.load();
        List<String> problems = new ArrayList<>();
        for (var event : server.getAllServeEvents()) {
            LoggedRequest request = event.getRequest();
            String url = request.getUrl();
            String path = url.split("\\?", 2)[0];
            if (!path.startsWith("/v3/company/")) {
                continue; // OAuth endpoints: form bodies, not the data model
            }
            String where = request.getMethod() + " " + url;
            if (request.queryParameter("minorversion") == null || !request.queryParameter("minorversion").isPresent()) {
                problems.add(where + " has no minorversion");
            }
            if (!request.getMethod().isOneOf(com.github.tomakehurst.wiremock.http.RequestMethod.GET)) {
                var requestId = request.queryParameter("requestid");
                if (requestId == null || !requestId.isPresent()) {
                    problems.add(where + " is a write without requestid");
                } else if (requestId.firstValue().length() > 50) {
                    problems.add(where + " has a requestid longer than 50 characters");
                }
            }
            if (!"application/json".equals(contentType(request)) || request.getBodyAsString().isEmpty()) {
                continue;
            }
            String[] segments = path.split("/");
            String resource = segments.length > 4 ? segments[4] : "";
            String entity = ENTITY_BY_PATH.get(resource);
            if (entity == null || segments.length != 5) {
                problems.add(where + " sends JSON to an endpoint this check does not know");
                continue;
            }
            JsonNode body;
            try {
                body = QboJson.parse(request.getBodyAsString());
            } catch (Exception e) {
                problems.add(where + " sends a body that is not JSON");
                continue;
            }
            xsd.violations(entity, body).forEach(v -> problems.add(where + ": " + v));
            boolean update = body.has("Id");
            if (!update) {
                for (String required : REQUIRED_ON_CREATE.getOrDefault(entity, Set.of())) {
                    if (!body.has(required)) {
                        problems.add(where + ": " + entity + "." + required + " is required on create");
                    }
                }
            }
            if (entity.equals("Invoice")) {
                body.path("Line").forEach(line -> {
                    if (!line.has("Amount") || !line.has("DetailType")) {
                        problems.add(where + ": every Line needs Amount and DetailType");
                    }
                });
            }
        }
        return problems;
    }

    private static String contentType(LoggedRequest request) {
        String value = request.getHeader("Content-Type");
        return value == null ? "" : value.split(";")[0].trim();
    }
}
