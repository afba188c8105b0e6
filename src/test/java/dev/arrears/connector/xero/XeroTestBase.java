package dev.arrears.connector.xero;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.arrears.application.ConnectionStore;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.OAuthTokens;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.ledger.LedgerSettingsStore;
import dev.arrears.application.ledger.OrganisationLedgerSettings;
import dev.arrears.domain.money.Money;
import dev.arrears.persistence.TestClock;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every Xero test shares: WireMock reset before and checked against Xero's OpenAPI documents
 * after each test, a fixed clock, and an organisation connected to a fresh Xero tenant.
 */
abstract class XeroTestBase {

    static final Instant NOW = Instant.parse("2025-03-10T09:00:00Z");
    static final String ACCESS = "access-token-1";
    static final String REFRESH = "refresh-token-1";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestClock clock;
    @Inject
    OrganisationStore organisations;
    @Inject
    ConnectionStore connections;
    @Inject
    LedgerSettingsStore settings;
    @Inject
    InvoiceStore invoices;
    @Inject
    XeroLedgerGateway gateway;

    WireMockServer xero;
    OrganisationId org;
    String tenant;

    @BeforeEach
    void xeroAndOrganisation() {
        xero = XeroWireMock.server;
        xero.resetAll();
        clock.set(NOW);
        tenant = UUID.randomUUID().toString();
        org = connected(tenant, ACCESS, NOW.plus(Duration.ofMinutes(30)), REFRESH, Optional.empty());
    }

    @AfterEach
    void everyRequestFollowsXerosDocuments() {
        XeroSpec.assertAllValid(requests());
    }

    List<LoggedRequest> requests() {
        return xero.findAll(RequestPatternBuilder.allRequests());
    }

    OrganisationId connected(String tenantId, String access, Instant accessExpiry, String refresh, Optional<String> group) {
        OrganisationId id = organisations.create(new NewOrganisation("Acme Ltd", LedgerProvider.XERO,
                ZoneId.of("Pacific/Auckland"), "NZ", Money.currency("NZD"), "default")).id();
        connections.connect(id, LedgerProvider.XERO, tenantId, new OAuthTokens(access, accessExpiry, refresh,
                Optional.of(NOW.plus(Duration.ofDays(60))), Optional.empty()), "offline_access accounting.invoices");
        settings.save(OrganisationLedgerSettings.initial(id, group, 1000));
        return id;
    }

    /** A Xero-shaped access token (a JWT) carrying the consent's authentication event. */
    static String jwt(String authEventId) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"authentication_event_id\":\"" + authEventId + "\",\"xero_userid\":\"u1\"}")
                .getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    static ResponseDefinitionBuilder tokens(String access, String refresh) {
        return okJson("{\"id_token\":\"x.y.z\",\"access_token\":\"" + access + "\",\"expires_in\":1800,"
                + "\"token_type\":\"Bearer\",\"refresh_token\":\"" + refresh + "\",\"scope\":\"offline_access "
                + "accounting.invoices accounting.payments accounting.contacts.read accounting.settings.read\"}");
    }

    static ResponseDefinitionBuilder json(Object body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    static String msDate(LocalDate date) {
        return "/Date(" + date.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() + "+0000)/";
    }

    static String msDateTime(Instant instant) {
        return "/Date(" + instant.toEpochMilli() + "+0000)/";
    }

    /** An AUTHORISED sales invoice of 115.00 NZD, due 2025-02-14, nothing paid. */
    static ObjectNode invoice(String id, String number, Instant updated) {
        ObjectNode i = JSON.createObjectNode();
        i.put("Type", "ACCREC");
        i.put("InvoiceID", id);
        i.put("InvoiceNumber", number);
        i.put("Reference", "");
        ObjectNode contact = i.putObject("Contact");
        contact.put("ContactID", "a3675fc4-f8dd-4f03-ba5b-f1870566bcd7");
        contact.put("Name", "Barney Rubble");
        i.put("Date", msDate(LocalDate.of(2025, 1, 15)));
        i.put("DueDate", msDate(LocalDate.of(2025, 2, 14)));
        i.put("Status", "AUTHORISED");
        i.put("CurrencyCode", "NZD");
        i.put("Total", 115.0);
        i.put("AmountDue", 115.0);
        i.put("AmountPaid", 0.0);
        i.put("AmountCredited", 0.0);
        i.putArray("Payments");
        i.putArray("CreditNotes");
        i.put("UpdatedDateUTC", msDateTime(updated));
        return i;
    }

    static ObjectNode page(ObjectNode... invoices) {
        ObjectNode body = JSON.createObjectNode();
        body.put("Status", "OK");
        ArrayNode list = body.putArray("Invoices");
        for (ObjectNode invoice : invoices) {
            list.add(invoice);
        }
        return body;
    }

    static String id() {
        return UUID.randomUUID().toString();
    }
}
