package dev.arrears.web.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arrears.web.health.ManagementPort;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Operators and scripts drive Arrears from the OpenAPI document alone: every admin endpoint
 * says what it answers, with an example, and what it takes, with an example.
 */
@QuarkusTest
class OpenApiDocumentTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void everyAdminEndpointShowsItsAnswerAndRequestWithExamples() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().baseUri(ManagementPort.base(management))
                .queryParam("format", "json").get("q/openapi").then().statusCode(200).extract().asString());
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/admin")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!List.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
                    continue;
                }
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                if (operation.path("summary").asText().isBlank() && operation.path("description").asText().isBlank()) {
                    missing.add(name + ": no summary");
                }
                if (!answersWithExample(operation.path("responses"))) {
                    missing.add(name + ": no successful answer with an example");
                }
                JsonNode body = operation.path("requestBody");
                if (!body.isMissingNode() && !hasExample(body.path("content"))) {
                    missing.add(name + ": request body without an example");
                }
            }
        }

        assertThat(operations).as("admin operations in the document").isGreaterThan(30);
        assertThat(missing).isEmpty();
    }

    private static boolean answersWithExample(JsonNode responses) {
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if (!r.getKey().startsWith("2")) {
                continue;
            }
            if (r.getKey().equals("204") || r.getKey().equals("202") && r.getValue().path("content").isMissingNode()) {
                return true;
            }
            if (hasExample(r.getValue().path("content"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasExample(JsonNode content) {
        for (JsonNode media : content) {
            if (media.has("example") || media.path("examples").size() > 0) {
                return true;
            }
        }
        return false;
    }
}
