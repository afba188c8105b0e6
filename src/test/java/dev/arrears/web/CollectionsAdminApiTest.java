package dev.arrears.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.OrganisationStore;
import dev.arrears.domain.money.Money;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CollectionsAdminApiTest {

    @Inject
    OrganisationStore organisations;

    private String org;

    @BeforeEach
    void organisation() {
        org = organisations.create(new NewOrganisation("Acme Ltd", LedgerProvider.XERO, ZoneId.of("Europe/London"), "GB",
                Money.currency("GBP"), "default")).id().toString();
    }

    private static RequestSpecification operator() {
        return given().auth().oauth2(AdminApiAuthenticationTest.OPERATOR_TOKEN).contentType(ContentType.JSON);
    }

    @Test
    void needs_the_operator_token() {
        given().contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .when().post("/admin/organisations/" + org + "/holds")
                .then().statusCode(401);
    }

    @Test
    void holds_are_placed_listed_and_released() {
        String id = operator().body("{\"scope\":\"customer\",\"customerId\":\"C-ACME\",\"reason\":\"audit\",\"resumeOn\":\"2034-01-01\"}")
                .when().post("/admin/organisations/" + org + "/holds")
                .then().statusCode(201)
                .body("scope", equalTo("customer C-ACME"))
                .body("setBy", equalTo("operator"))
                .body("resumeOn", equalTo("2034-01-01"))
                .extract().path("id");
        operator().when().get("/admin/organisations/" + org + "/holds").then().statusCode(200).body("$", hasSize(1));
        operator().when().delete("/admin/organisations/" + org + "/holds/" + id)
                .then().statusCode(200).body("releasedOn", notNullValue());
        operator().body("{\"scope\":\"planet\",\"reason\":\"x\"}").when().post("/admin/organisations/" + org + "/holds")
                .then().statusCode(400).body("error", containsString("expected organisation, customer or invoice"));
    }

    @Test
    void a_dispute_is_raised_once_and_resolved_with_its_outcome() {
        String path = "/admin/collections/invoices/" + org + "/INV-1/dispute";
        operator().body("{\"reason\":\"damaged\"}").when().post(path).then().statusCode(201).body("invoiceId", equalTo("INV-1"));
        operator().body("{\"reason\":\"again\"}").when().post(path).then().statusCode(409);
        operator().body("{\"outcome\":\"rejected\",\"note\":\"photos show no damage\"}").when().delete(path)
                .then().statusCode(200).body("outcome", equalTo("rejected")).body("resolvedOn", notNullValue());
        operator().body("{\"outcome\":\"rejected\"}").when().delete(path).then().statusCode(404);
    }

    @Test
    void promises_plans_terms_contacts_and_limitation() {
        operator().body("{\"customerId\":\"C-ACME\",\"payBy\":\"2034-03-04\",\"amount\":250.00,\"currency\":\"GBP\"}")
                .when().post("/admin/collections/invoices/" + org + "/INV-1/promise")
                .then().statusCode(201).body("amount", equalTo("250.00 GBP")).body("resumesOn", equalTo("2034-03-05"));

        String plan = operator().body("{\"invoiceIds\":[\"INV-1\",\"INV-2\"],\"currency\":\"GBP\",\"instalments\":"
                        + "[{\"dueOn\":\"2034-01-15\",\"amount\":100.00},{\"dueOn\":\"2034-02-15\",\"amount\":150.00}]}")
                .when().post("/admin/collections/customers/" + org + "/C-ACME/plans")
                .then().statusCode(201).body("total", equalTo("250.00 GBP")).body("instalments", hasSize(2))
                .extract().path("id");
        given().auth().oauth2(AdminApiAuthenticationTest.OPERATOR_TOKEN)
                .when().get("/admin/collections/customers/" + org + "/C-ACME/plans/" + plan + "/terms")
                .then().statusCode(200).body(containsString("  2. 150.00 GBP by 2034-02-15"));
        operator().body("{\"reason\":\"customer paid in full\"}").when().delete("/admin/collections/customers/" + org + "/C-ACME/plans/" + plan)
                .then().statusCode(200).body("endedOn", notNullValue());

        operator().body("{\"channel\":\"phone\",\"at\":\"2025-03-02T10:00:00Z\",\"note\":\"will pay Friday\"}")
                .when().post("/admin/collections/customers/" + org + "/C-ACME/contacts").then().statusCode(201).body("origin", equalTo("manual"));
        operator().when().get("/admin/collections/customers/" + org + "/C-ACME/contacts").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].channel", equalTo("phone"));

        operator().body("{\"years\":5,\"warnDaysBefore\":90}").when().put("/admin/organisations/" + org + "/limitation")
                .then().statusCode(200).body("years", equalTo(5));
        operator().body("{\"years\":50,\"warnDaysBefore\":90}").when().put("/admin/organisations/" + org + "/limitation")
                .then().statusCode(400);
    }

    @Test
    void an_unknown_organisation_is_not_found() {
        operator().when().get("/admin/organisations/00000000-0000-0000-0000-000000000000/holds").then().statusCode(404);
    }
}
