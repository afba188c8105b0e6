package dev.arrears.web.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import dev.arrears.web.health.ManagementPort;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminApiAuthenticationTest {

    @Test
    void refusesARequestWithoutAToken() {
        given().when().get("/admin/status")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("error", containsString("Authorization: Bearer"));
    }

    @Test
    void refusesAWrongToken() {
        given().auth().oauth2("not-the-operator-token-at-all-xx")
                .when().get("/admin/status")
                .then().statusCode(401)
                .body("error", containsString("not valid"));
    }

    @Test
    void refusesABasicAuthorizationHeader() {
        given().header("Authorization", "Basic " + TestOperator.TOKEN)
                .when().get("/admin/status")
                .then().statusCode(401);
    }

    @Test
    void answersTheOperator() {
        given().auth().oauth2(TestOperator.TOKEN)
                .when().get("/admin/status")
                .then().statusCode(200)
                .body("service", containsString("arrears"))
                .body("clock", notNullValue());
    }

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void leavesHealthOpenForProbesOnTheManagementPort() {
        given().baseUri(ManagementPort.base(management)).when().get("q/health/live").then().statusCode(200);
    }
}
