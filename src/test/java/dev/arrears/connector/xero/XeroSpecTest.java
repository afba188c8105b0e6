package dev.arrears.connector.xero;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAPI check itself: it must fail on requests that break Xero's documents, or it proves nothing. */
class XeroSpecTest {

    static WireMockServer server;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(any(anyUrl()).willReturn(ok()));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void clear() {
        server.resetRequests();
    }

    List<LoggedRequest> send(HttpRequest.Builder request) throws Exception {
        client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        return server.findAll(RequestPatternBuilder.allRequests());
    }

    HttpRequest.Builder api(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api.xro/2.0" + pathAndQuery))
                .header("Authorization", "Bearer t").header("Accept", "application/json");
    }

    @Test
    void a_well_formed_request_passes() throws Exception {
        var requests = send(api("/Invoices?where=Type%3D%3D%22ACCREC%22&Statuses=AUTHORISED&page=1&pageSize=1000&summaryOnly=true")
                .header("xero-tenant-id", "fe79f7dd-b6d4-4a92-ba7b-538af6289c58"));
        XeroSpec.assertAllValid(requests);
    }

    @Test
    void a_missing_tenant_header_fails() throws Exception {
        var requests = send(api("/Invoices?page=1"));
        assertThatThrownBy(() -> XeroSpec.assertAllValid(requests)).hasMessageContaining("xero-tenant-id");
    }

    @Test
    void a_parameter_of_the_wrong_type_fails() throws Exception {
        var requests = send(api("/Invoices?page=first").header("xero-tenant-id", "t"));
        assertThatThrownBy(() -> XeroSpec.assertAllValid(requests)).hasMessageContaining("page");
    }

    @Test
    void a_body_that_breaks_the_schema_fails() throws Exception {
        var requests = send(api("/Invoices/a03ffcd2-5d91-4c7e-b483-318584e9e439/History").header("xero-tenant-id", "t")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"HistoryRecords\":[{\"Details\":42}]}")));
        assertThatThrownBy(() -> XeroSpec.assertAllValid(requests)).hasMessageContaining("Details");
    }

    @Test
    void a_path_xero_does_not_have_fails() throws Exception {
        var requests = send(api("/Invoice").header("xero-tenant-id", "t"));
        assertThatThrownBy(() -> XeroSpec.assertAllValid(requests)).hasMessageContaining("/Invoice");
        assertThat(XeroSpec.violations(send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/elsewhere"))).getLast()))
                .isNotEmpty();
    }

    @Test
    void a_token_request_without_client_authentication_fails() throws Exception {
        var requests = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=r")));
        assertThatThrownBy(() -> XeroSpec.assertAllValid(requests)).hasMessageContaining("Basic");
    }
}
