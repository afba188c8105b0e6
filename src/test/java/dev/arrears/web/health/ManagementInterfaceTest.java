package dev.arrears.web.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Health, metrics and the OpenAPI document answer on the management port, and the public port
 * (the admin API and the OAuth callbacks, the one a reverse proxy exposes) does not serve them.
 */
@QuarkusTest
class ManagementInterfaceTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @TestHTTPResource("/")
    URL publicPort;

    @Test
    void managementAndPublicPortsDiffer() {
        assertThat(management.getPort()).isNotEqualTo(publicPort.getPort());
    }

    @ParameterizedTest
    @ValueSource(strings = {"q/health", "q/health/live", "q/health/ready", "q/health/group/organisations", "q/metrics",
            "q/openapi"})
    void theManagementPortAnswers(String path) {
        given().baseUri(ManagementPort.base(management)).when().get(path).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"q/health", "q/health/live", "q/health/ready", "q/health/group/organisations", "q/metrics",
            "q/openapi"})
    void thePublicPortDoesNot(String path) {
        given().baseUri(publicPort.toString()).when().get(path).then().statusCode(404);
    }

    @Test
    void readinessReportsTheDatabase() {
        given().baseUri(ManagementPort.base(management)).when().get("q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void theOrganisationsGroupIsNotPartOfReadiness() {
        given().baseUri(ManagementPort.base(management)).when().get("q/health/ready").then()
                .body("checks.name", not(hasItem("organisations")));
    }
}
