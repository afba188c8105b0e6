package dev.arrears.platform.metrics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.OrganisationStore;
import dev.arrears.web.health.ManagementPort;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsMetricsTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    OrganisationStore organisations;

    @Inject
    OperationsMetrics metrics;

    @Test
    void theOperatorsGaugesAreScrapedFromTheManagementPort() {
        organisations.create(new NewOrganisation("Metrics Ltd", LedgerProvider.XERO, ZoneId.of("Europe/London"), "GB",
                Currency.getInstance("GBP"), "default"));

        metrics.refresh();

        given().baseUri(ManagementPort.base(management)).when().get("q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*\\narrears_organisations\\{mode=\"PREVIEW\"} [1-9][0-9]*\\.0\\n.*"))
                .body(containsString("arrears_actions_in_doubt "))
                .body(containsString("arrears_actions_oldest_due_age_seconds "))
                .body(containsString("arrears_organisations_writes_paused "));
    }
}
