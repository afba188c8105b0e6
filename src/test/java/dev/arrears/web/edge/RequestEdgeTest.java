package dev.arrears.web.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.OrganisationStore;
import dev.arrears.domain.money.Money;
import dev.arrears.web.security.TestOperator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the admin API does with bad input: a short 400 that names the field, before anything else happens. */
@QuarkusTest
class RequestEdgeTest {

    @Inject
    OrganisationStore organisations;
    @Inject
    DataSource database;

    private String xeroOrg;
    private String quickBooksOrg;

    @BeforeEach
    void organisations() {
        xeroOrg = organisations.create(new NewOrganisation("Edge Ltd", LedgerProvider.XERO, ZoneId.of("Europe/London"), "GB",
                Money.currency("GBP"), "default")).id().toString();
        quickBooksOrg = organisations.create(new NewOrganisation("Edge Inc", LedgerProvider.QUICKBOOKS,
                ZoneId.of("America/Chicago"), "US", Money.currency("USD"), "default")).id().toString();
    }

    private static RequestSpecification operator() {
        return given().auth().oauth2(TestOperator.TOKEN).contentType(ContentType.JSON);
    }

    private static String refused(ExtractableResponse<Response> answer) {
        assertThat(answer.statusCode()).isEqualTo(400);
        String body = answer.asString();
        assertThat(body.length()).isLessThan(1_000);
        assertThat(body).doesNotContain("java.", "Exception", "\tat ");
        return body;
    }

    private String promise(String amount) {
        return refused(operator().body("{\"customerId\":\"C\",\"payBy\":\"2026-01-01\",\"amount\":" + amount + ",\"currency\":\"GBP\"}")
                .post("/admin/collections/invoices/" + xeroOrg + "/INV-1/promise").then().extract());
    }

    @Test
    void an_amount_of_1e_minus_999999999_is_refused_in_a_short_answer_naming_the_field() {
        assertThat(promise("1e-999999999")).contains("'amount'", "decimals");
    }

    @Test
    void an_amount_of_1e30_is_refused_with_400_naming_the_field() {
        assertThat(promise("1e30")).contains("'amount'");
    }

    @Test
    void a_hold_resuming_in_the_year_5000000_is_refused_with_the_allowed_range() {
        String body = refused(operator().body("{\"reason\":\"x\",\"resumeOn\":\"+5000000-01-01\"}")
                .post("/admin/organisations/" + xeroOrg + "/holds").then().extract());
        assertThat(body).contains("resumeOn must be between 2000-01-01 and");
    }

    @Test
    void a_plan_with_a_null_instalment_or_amount_answers_400_naming_it() {
        String path = "/admin/collections/customers/" + xeroOrg + "/C/plans";
        assertThat(refused(operator().body("{\"invoiceIds\":[\"A\"],\"currency\":\"GBP\",\"instalments\":[null]}")
                .post(path).then().extract())).contains("instalments[0].amount is required");
        assertThat(refused(operator().body("{\"invoiceIds\":[\"A\"],\"currency\":\"GBP\",\"instalments\":[{\"dueOn\":\"2026-01-01\",\"amount\":null}]}")
                .post(path).then().extract())).contains("instalments[0].amount is required");
        assertThat(refused(operator().body("{\"invoiceIds\":[\"A\"],\"currency\":\"GBP\",\"instalments\":[{\"dueOn\":\"someday\",\"amount\":1}]}")
                .post(path).then().extract())).contains("field 'instalments[0].dueOn' has the wrong type or format");
    }

    @Test
    void a_null_body_on_the_xero_settings_answers_400() {
        refused(operator().body("null").put("/admin/xero/organisations/" + xeroOrg + "/settings").then().extract());
    }

    @Test
    void a_nul_character_in_text_or_in_an_id_answers_400() {
        assertThat(refused(operator().body("{\"reason\":\"a\\u0000b\"}").post("/admin/organisations/" + xeroOrg + "/holds")
                .then().extract())).contains("field 'reason' contains control characters");
        assertThat(refused(operator().body("{\"reason\":\"x\"}").urlEncodingEnabled(false)
                .post("/admin/collections/invoices/" + xeroOrg + "/INV%00-1/dispute").then().extract()))
                .contains("path parameter 'invoiceId' contains control characters");
    }

    @Test
    void text_longer_than_its_column_answers_400_naming_the_field() {
        assertThat(refused(operator().body("{\"reason\":\"x\",\"setBy\":\"" + "b".repeat(300) + "\"}")
                .post("/admin/organisations/" + xeroOrg + "/holds").then().extract())).contains("field 'setBy'");
    }

    @Test
    void an_unknown_policy_is_refused_when_a_connection_starts() {
        assertThat(refused(operator().body("{\"policyId\":\"no-such-policy\"}").post("/admin/quickbooks/authorisations")
                .then().extract())).contains("policyId must be one of the loaded policies");
    }

    @Test
    void the_quickbooks_settings_endpoint_refuses_a_xero_organisation_and_the_xero_one_a_quickbooks_company() {
        assertThat(refused(operator().body("{\"lateFeeItemId\":\"5\"}").put("/admin/quickbooks/companies/" + xeroOrg + "/settings")
                .then().extract())).contains("is not a QuickBooks company");
        assertThat(refused(operator().body("{\"accountCode\":\"200\"}").put("/admin/xero/organisations/" + quickBooksOrg + "/settings")
                .then().extract())).contains("is not a Xero organisation");
    }

    @Test
    void a_xero_late_fee_account_code_cannot_add_a_condition_to_the_filter() {
        assertThat(refused(operator().body("{\"accountCode\":\"NOPE\\\" OR Code!=\\\"x\"}")
                .put("/admin/xero/organisations/" + xeroOrg + "/settings").then().extract())).contains("accountCode must be");
    }

    @Test
    void a_quickbooks_late_fee_item_id_cannot_climb_the_url_path() {
        assertThat(refused(operator().body("{\"lateFeeItemId\":\"1/../../companyinfo\"}")
                .put("/admin/quickbooks/companies/" + quickBooksOrg + "/settings").then().extract()))
                .contains("lateFeeItemId and lateFeeIncomeAccountId must be QuickBooks ids");
    }

    @Test
    void a_value_of_the_wrong_type_is_refused_without_naming_a_java_type() {
        assertThat(refused(operator().body("{\"reason\":\"x\",\"resumeOn\":[1,2]}")
                .post("/admin/organisations/" + xeroOrg + "/holds").then().extract()))
                .contains("field 'resumeOn' has the wrong type or format");
    }

    @Test
    void a_row_the_database_refuses_never_puts_its_values_in_the_exception_message() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("insert into collections_hold (id, organisation_id, scope, reason, set_by,"
                    + " set_on) values (gen_random_uuid(), '" + xeroOrg + "', 'ORGANISATION', 'private-reason-text', '', current_date)"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("private-reason-text", "Failing row"));
        }
    }
}
