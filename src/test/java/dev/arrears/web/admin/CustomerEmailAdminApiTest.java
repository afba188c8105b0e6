package dev.arrears.web.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.OrganisationStore;
import dev.arrears.domain.money.Money;
import dev.arrears.web.security.TestOperator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerEmailAdminApiTest {

    @Inject
    OrganisationStore organisations;

    private String path;

    @BeforeEach
    void organisation() {
        String org = organisations.create(new NewOrganisation("Acme Ltd", LedgerProvider.XERO, ZoneId.of("Europe/London"), "GB",
                Money.currency("GBP"), "default")).id().toString();
        path = "/admin/organisations/" + org + "/customers/C-ACME/email";
    }

    private static RequestSpecification operator() {
        return given().auth().oauth2(TestOperator.TOKEN).contentType(ContentType.JSON);
    }

    @Test
    void an_accountant_overrides_a_customers_addresses_and_language_and_takes_it_back() {
        operator().when().get(path).then().statusCode(200).body("to", nullValue());
        operator().body("{\"to\": [\"Hans Meier <hans@kunde.example>\"], \"cc\": [\"buchhaltung@kunde.example\"], \"language\": \"de\"}")
                .when().put(path).then().statusCode(200)
                .body("to", contains("\"Hans Meier\" <hans@kunde.example>"))
                .body("cc", contains("buchhaltung@kunde.example"))
                .body("language", equalTo("de"));
        operator().when().get(path).then().body("language", equalTo("de"));
        operator().body("{\"language\": \"en\"}").when().put(path).then().statusCode(200).body("to", nullValue());
        operator().when().delete(path).then().statusCode(200);
        operator().when().get(path).then().body("language", nullValue());
    }

    @Test
    void a_bad_address_is_refused_and_nothing_stored() {
        operator().body("{\"to\": [\"hans at kunde\"]}").when().put(path)
                .then().statusCode(400).body("error", containsString("to: 'hans at kunde' is not an email address"));
        operator().body("{\"language\": \"!!\"}").when().put(path)
                .then().statusCode(400).body("error", containsString("language must be a language tag"));
        operator().when().get(path).then().body("to", nullValue());
        given().when().get(path).then().statusCode(401);
    }
}
