package dev.arrears.connector.quickbooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.arrears.application.ConnectionStore;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.OAuthTokens;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.SyncCursor;
import dev.arrears.application.ledger.LedgerProfileStore;
import dev.arrears.domain.money.Money;
import dev.arrears.persistence.TestClock;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Shared set-up: a fresh WireMock per test, a fixed clock, a connected company per test (its own
 * realm id, so tests never see each other's data), Intuit-shaped JSON, and after each test the
 * check of every request sent against Intuit's XSD.
 */
abstract class QuickBooksTestBase {

    private static final AtomicInteger REALMS = new AtomicInteger(9_130_000);

    @Inject
    OrganisationStore organisations;
    @Inject
    ConnectionStore connections;
    @Inject
    InvoiceStore invoices;
    @Inject
    LedgerProfileStore profiles;
    @Inject
    QuickBooksLedgerGateway gateway;
    @Inject
    TestClock clock;
    @Inject
    TestPause pause;

    WireMockServer intuit;

    @BeforeEach
    void resetIntuit() {
        intuit = IntuitWireMock.server();
        intuit.resetAll();
        clock.set(TestClock.START);
        pause.pauses.clear();
    }

    @AfterEach
    void everyRequestFollowsIntuitsSchema() {
        assertThat(IntuitRequestCheck.violations(intuit)).isEmpty();
    }

    /** A company connected with a valid access token; its realm id is unique to the test. */
    Company connected() {
        return connected(clock.instant().plusSeconds(3600));
    }

    Company connected(Instant accessTokenExpiresAt) {
        String realm = Integer.toString(REALMS.incrementAndGet());
        OrganisationId org = organisations.create(new NewOrganisation("QB " + realm, LedgerProvider.QUICKBOOKS,
                ZoneId.of("America/Chicago"), "US", Money.currency("USD"), "default")).id();
        connections.connect(org, LedgerProvider.QUICKBOOKS, realm, new OAuthTokens("access-" + realm,
                accessTokenExpiresAt, "refresh-" + realm, Optional.of(clock.instant().plusSeconds(8_726_400)),
                Optional.empty()), "com.intuit.quickbooks.accounting");
        return new Company(org, realm);
    }

    /** A company whose first load is done: CDC applies from {@code changedThrough}. */
    Company syncedThrough(Instant changedThrough) {
        Company company = connected();
        connections.advanceCursor(company.org(), new SyncCursor(Optional.of("cdc"), Optional.of(changedThrough)));
        return company;
    }

    record Company(OrganisationId org, String realm) {
        String path(String resource) {
            return "/v3/company/" + realm + "/" + resource;
        }
    }

    // ---- stubs ----------------------------------------------------------------------------------

    MappingBuilder query(Company company, String containing) {
        return get(urlPathEqualTo(company.path("query"))).withQueryParam("query", WireMock.containing(containing));
    }

    MappingBuilder cdc(Company company) {
        return get(urlPathEqualTo(company.path("cdc")));
    }

    static ResponseDefinitionBuilder json(Object body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    static ResponseDefinitionBuilder fault(int status, String code, String message, String detail) {
        ObjectNode body = QboJson.object();
        ObjectNode error = body.putObject("Fault").put("type", "ValidationFault").putArray("Error").addObject();
        error.put("Message", message).put("Detail", detail).put("code", code).put("element", "");
        body.put("time", "2025-03-10T02:00:00.000-07:00");
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    /** Requests whose URL starts with the prefix, oldest first (WireMock lists newest first). */
    List<LoggedRequest> requests(String pathPrefix) {
        List<LoggedRequest> all = new java.util.ArrayList<>(intuit.getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getUrl().startsWith(pathPrefix)).toList());
        java.util.Collections.reverse(all);
        return all;
    }

    // ---- Intuit-shaped JSON -------------------------------------------------------------------

    static ObjectNode queryResponse(String entity, List<ObjectNode> rows) {
        ObjectNode body = QboJson.object();
        ObjectNode response = body.putObject("QueryResponse");
        if (!rows.isEmpty()) {
            response.putArray(entity).addAll(rows);
            response.put("startPosition", 1).put("maxResults", rows.size());
        }
        body.put("time", "2025-03-10T02:00:00.000-07:00");
        return body;
    }

    /** A CDC answer: one QueryResponse element per entity type that has rows. */
    static ObjectNode cdcResponse(String time, List<ObjectNode> invoices, List<ObjectNode> payments) {
        ObjectNode body = QboJson.object();
        ArrayNode groups = body.putArray("CDCResponse").addObject().putArray("QueryResponse");
        if (!invoices.isEmpty()) {
            groups.addObject().putArray("Invoice").addAll(invoices);
        }
        if (!payments.isEmpty()) {
            groups.addObject().putArray("Payment").addAll(payments);
        }
        if (invoices.isEmpty() && payments.isEmpty()) {
            groups.addObject();
        }
        body.put("time", time);
        return body;
    }

    static ObjectNode invoice(String id, String total, String balance, String updated) {
        ObjectNode invoice = QboJson.object();
        invoice.put("domain", "QBO").put("sparse", false).put("Id", id).put("SyncToken", "0");
        invoice.putObject("MetaData").put("CreateTime", "2025-01-15T09:00:00-08:00").put("LastUpdatedTime", updated);
        invoice.put("DocNumber", "10" + id).put("TxnDate", "2025-01-15").put("DueDate", "2025-02-14");
        invoice.putObject("CurrencyRef").put("value", "USD").put("name", "United States Dollar");
        invoice.putObject("CustomerRef").put("value", "24").put("name", "Sonnenschein Family Store");
        invoice.putArray("LinkedTxn");
        ObjectNode line = invoice.putArray("Line").addObject();
        line.put("Id", "1").put("LineNum", 1).put("Amount", new BigDecimal(total)).put("DetailType", "SalesItemLineDetail");
        line.putObject("SalesItemLineDetail").putObject("ItemRef").put("value", "1").put("name", "Services");
        invoice.put("TotalAmt", new BigDecimal(total)).put("Balance", new BigDecimal(balance));
        invoice.putObject("BillEmail").put("Address", "ap@sonnenschein.example");
        invoice.put("EmailStatus", "EmailSent").put("PrivateNote", "");
        invoice.put("SomeFieldIntuitAddsLater", "ignored");
        return invoice;
    }

    static ObjectNode linkPayment(ObjectNode invoice, String paymentId) {
        ((ArrayNode) invoice.get("LinkedTxn")).addObject().put("TxnId", paymentId).put("TxnType", "Payment");
        return invoice;
    }

    static ObjectNode payment(String id, String date, String amount, String invoiceId) {
        ObjectNode payment = QboJson.object();
        payment.put("domain", "QBO").put("Id", id).put("SyncToken", "0");
        payment.putObject("MetaData").put("LastUpdatedTime", date + "T09:00:00-08:00");
        payment.put("TxnDate", date).put("TotalAmt", new BigDecimal(amount)).put("UnappliedAmt", 0);
        payment.putObject("CustomerRef").put("value", "24");
        ObjectNode line = payment.putArray("Line").addObject();
        line.put("Amount", new BigDecimal(amount));
        line.putArray("LinkedTxn").addObject().put("TxnId", invoiceId).put("TxnType", "Invoice");
        return payment;
    }

    static ObjectNode deletedStub(String id, String updated) {
        ObjectNode stub = QboJson.object();
        stub.put("domain", "QBO").put("status", "Deleted").put("Id", id);
        stub.putObject("MetaData").put("LastUpdatedTime", updated);
        return stub;
    }

    static ObjectNode companyInfo(String realm, String timeZone) {
        ObjectNode body = QboJson.object();
        ObjectNode info = body.putObject("CompanyInfo");
        info.put("CompanyName", "Sonnenschein Family Store").put("Country", "US").put("Id", "1").put("SyncToken", "4");
        if (timeZone != null) {
            info.put("DefaultTimeZone", timeZone);
        }
        body.put("time", "2025-03-10T02:00:00.000-07:00");
        return body;
    }

    static ObjectNode preferences(boolean multiCurrency) {
        ObjectNode body = QboJson.object();
        ObjectNode currency = body.putObject("Preferences").putObject("CurrencyPrefs");
        currency.put("MultiCurrencyEnabled", multiCurrency);
        currency.putObject("HomeCurrency").put("value", "USD");
        return body;
    }
}
