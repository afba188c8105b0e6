package dev.arrears.web.admin.collections;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.arrears.application.IncomingInvoice;
import dev.arrears.application.SyncPage;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import dev.arrears.web.security.TestOperator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CollectionsAdminApiTest {

    @Inject
    InvoiceStore invoices;
    @Inject
    OrganisationStore organisations;

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
        given().auth().oauth2(TestOperator.TOKEN)
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
    void answers_about_an_invoice_or_a_customer_name_them_as_the_ledger_does() {
        OrganisationId id = OrganisationId.parse(org);
        InvoiceSnapshot invoice = new InvoiceSnapshot(org, "INV-7", "0007", "C-NAMED", "Named Traders", LocalDate.of(2034, 1, 1),
                Optional.of(LocalDate.of(2034, 1, 31)), Money.of("70.00", "GBP"), Money.of("70.00", "GBP"), InvoiceStatus.OPEN,
                List.of(), false);
        invoices.store(SyncPage.of(id, List.of(new IncomingInvoice(invoice, "{}", Instant.parse("2025-01-01T00:00:00Z")))));

        operator().body("{\"customerId\":\"C-NAMED\",\"payBy\":\"2034-03-04\"}")
                .when().post("/admin/collections/invoices/" + org + "/INV-7/promise")
                .then().statusCode(201).body("invoiceNumber", equalTo("0007")).body("customerName", equalTo("Named Traders"));
        operator().body("{\"reason\":\"wrong goods\"}").when().post("/admin/collections/invoices/" + org + "/INV-7/dispute")
                .then().statusCode(201).body("invoiceNumber", equalTo("0007")).body("customerName", equalTo("Named Traders"));
        operator().body("{\"channel\":\"letter\",\"note\":\"statement\"}")
                .when().post("/admin/collections/customers/" + org + "/C-NAMED/contacts")
                .then().statusCode(201).body("customerName", equalTo("Named Traders"));
        operator().body("{\"invoiceIds\":[\"INV-7\"],\"currency\":\"GBP\",\"instalments\":[{\"dueOn\":\"2034-01-15\",\"amount\":70.00}]}")
                .when().post("/admin/collections/customers/" + org + "/C-NAMED/plans")
                .then().statusCode(201).body("customerName", equalTo("Named Traders"));
    }

    @Test
    void an_unknown_organisation_is_not_found() {
        operator().when().get("/admin/organisations/00000000-0000-0000-0000-000000000000/holds").then().statusCode(404);
    }
}
