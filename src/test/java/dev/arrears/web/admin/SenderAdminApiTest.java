package dev.arrears.web.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.email.SenderProfileStore;
import dev.arrears.domain.money.Money;
import dev.arrears.web.security.TestOperator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SenderAdminApiTest {

    private static final String PROFILE = """
            {"from": "Acme Accounts <accounts@acme.example>", "replyTo": "jo@firm.example",
             "cc": ["ledger@acme.example"], "escalatedFrom": "credit@acme.example", "escalatedFromStage": "Final notice",
             "smtp": {"host": "smtp.acme.example", "port": 587, "security": "starttls", "user": "accounts@acme.example",
                      "password": "s3cret-smtp"},
             "language": "de"}
            """;

    @Inject
    OrganisationStore organisations;
    @Inject
    SenderProfileStore profiles;

    private String org;

    @BeforeEach
    void organisation() {
        org = organisations.create(new NewOrganisation("Acme Ltd", LedgerProvider.XERO, ZoneId.of("Europe/London"), "GB",
                Money.currency("GBP"), "default")).id().toString();
    }

    private static RequestSpecification operator() {
        return given().auth().oauth2(TestOperator.TOKEN).contentType(ContentType.JSON);
    }

    @Test
    void needs_the_operator_token() {
        given().when().get("/admin/organisations/" + org + "/sender").then().statusCode(401);
        given().contentType(ContentType.JSON).body(PROFILE).when().put("/admin/organisations/" + org + "/sender")
                .then().statusCode(401);
    }

    @Test
    void an_organisation_without_a_sender_keeps_the_ledger_channel() {
        operator().when().get("/admin/organisations/" + org + "/sender")
                .then().statusCode(200).body("channel", equalTo("ledger")).body("from", nullValue());
    }

    @Test
    void a_sender_is_set_shown_without_its_password_and_removed() {
        operator().body(PROFILE).when().put("/admin/organisations/" + org + "/sender")
                .then().statusCode(200)
                .body("channel", equalTo("email"))
                .body("from", equalTo("\"Acme Accounts\" <accounts@acme.example>"))
                .body("cc", contains("ledger@acme.example"))
                .body("escalatedFromStage", equalTo("Final notice"))
                .body("smtp.security", equalTo("STARTTLS"))
                .body("smtp.passwordSet", equalTo(true))
                .body("language", equalTo("de"))
                .body(not(containsString("s3cret-smtp")));
        operator().when().delete("/admin/organisations/" + org + "/sender").then().statusCode(200).body("channel", equalTo("ledger"));
        operator().when().get("/admin/organisations/" + org + "/sender").then().body("channel", equalTo("ledger"));
    }

    @Test
    void a_change_without_the_password_keeps_the_stored_one() {
        operator().body(PROFILE).when().put("/admin/organisations/" + org + "/sender").then().statusCode(200);
        operator().body(PROFILE.replace("Acme Accounts", "Acme Receivables").replace(", \"password\": \"s3cret-smtp\"", ""))
                .when().put("/admin/organisations/" + org + "/sender")
                .then().statusCode(200).body("smtp.passwordSet", equalTo(true));
        assertPassword("s3cret-smtp");
    }

    @Test
    void bad_input_is_refused_with_the_field_and_nothing_stored() {
        operator().body("{\"from\": \"not an address\"}").when().put("/admin/organisations/" + org + "/sender")
                .then().statusCode(400).body("error", containsString("from: 'not an address' is not an email address"));
        operator().body("{\"from\": \"a@acme.example\", \"channel\": \"fax\"}").when().put("/admin/organisations/" + org + "/sender")
                .then().statusCode(400).body("error", containsString("channel must be email or ledger"));
        operator().body("{\"from\": \"a@acme.example\", \"smtp\": {\"host\": \"smtp.acme.example\", \"port\": 587, \"security\": \"STARTTLS\", \"user\": \"u\"}}")
                .when().put("/admin/organisations/" + org + "/sender")
                .then().statusCode(400).body("error", containsString("an SMTP user needs a password"));
        operator().when().get("/admin/organisations/" + org + "/sender").then().body("channel", equalTo("ledger"));
    }

    @Test
    void an_unknown_organisation_is_not_found() {
        operator().when().get("/admin/organisations/00000000-0000-0000-0000-000000000000/sender").then().statusCode(404);
    }

    private void assertPassword(String expected) {
        Optional<String> password = profiles.find(OrganisationId.parse(org)).flatMap(p -> p.server()).flatMap(s -> s.password());
        assertThat(password).contains(expected);
    }
}
