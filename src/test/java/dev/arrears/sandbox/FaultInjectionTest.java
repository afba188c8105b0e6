package dev.arrears.sandbox;

import static dev.arrears.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Switchable faults, the journal that records what happened, and the control API's door. */
class FaultInjectionTest {

    private final SandboxFixture f = new SandboxFixture();
    private final SandboxClient c = f.client;
    private final String tenant = f.xeroOrgs.get(0);
    private final String token = f.xeroToken(tenant);

    @AfterEach
    void stop() {
        f.close();
    }

    private String contact() {
        return json(c.xero("GET", "Contacts", tenant, token, null)).at("/Contacts/0/ContactID").asText();
    }

    private HttpResponse<String> createFee(String key) {
        return c.xero("PUT", "Invoices?summarizeErrors=false", tenant, token, XeroInvoicesTest.feeBody(contact(), "LATEFEE:x:1"),
                "Idempotency-Key", key);
    }

    private int fees() {
        return c.control("GET", "/ledger/" + tenant, null).get("lateFeeInvoices").asInt();
    }

    @Test
    void aServerErrorAppliesNothing() {
        c.control("POST", "/faults", "{\"provider\":\"xero\",\"operation\":\"createInvoices\",\"kind\":\"5xx\",\"count\":1}");
        assertThat(createFee("k1").statusCode()).isEqualTo(500);
        assertThat(fees()).isZero();
        assertThat(createFee("k2").statusCode()).isEqualTo(200);
        assertThat(fees()).isEqualTo(1);
    }

    @Test
    void aTimeoutAfterApplyCreatesTheInvoiceAndDropsTheConnectionAndTheRetryIsReplayed() {
        c.control("POST", "/faults", "{\"provider\":\"xero\",\"org\":\"" + tenant
                + "\",\"operation\":\"createInvoices\",\"kind\":\"timeoutAfterApply\",\"count\":1}");
        assertThatThrownBy(() -> createFee("k1")).isInstanceOf(UncheckedIOException.class);
        assertThat(fees()).isEqualTo(1);
        HttpResponse<String> retry = createFee("k1");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(fees()).as("the same Idempotency-Key replays, nothing new").isEqualTo(1);

        JsonNode journal = c.control("GET", "/journal?org=" + tenant + "&operation=createInvoices", null).get("entries");
        assertThat(journal.findValuesAsText("outcome")).containsExactly("fault:timeoutAfterApply(ok)", "replayed");
        assertThat(journal.get(0).at("/headers/Idempotency-Key").asText()).isEqualTo("k1");
        assertThat(journal.get(0).get("status").asInt()).isZero();
        assertThat(journal.get(0).get("entityId").asText()).isEqualTo(journal.get(1).get("entityId").asText());
    }

    @Test
    void theJournalRecordsWhichReplicaAskedAndWhenTheRequestArrivedAndWasAnswered() {
        c.xero("GET", "Contacts", tenant, token, null, SandboxServer.REPLICA_HEADER, "replica-a");
        JsonNode entry = c.control("GET", "/journal?org=" + tenant + "&operation=getContacts", null).at("/entries/0");
        assertThat(entry.at("/headers/" + SandboxServer.REPLICA_HEADER).asText()).isEqualTo("replica-a");
        assertThat(java.time.Instant.parse(entry.get("answered").asText()))
                .isAfterOrEqualTo(java.time.Instant.parse(entry.get("received").asText()));
    }

    @Test
    void injected429sComeWithRetryAfterThenStop() {
        c.control("POST", "/faults", "{\"operation\":\"getInvoices\",\"kind\":\"429\",\"count\":2,\"retryAfterSeconds\":7}");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = c.xero("GET", "Invoices?page=1", tenant, token, null);
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("Retry-After")).hasValue("7");
        }
        assertThat(c.xero("GET", "Invoices?page=1", tenant, token, null).statusCode()).isEqualTo(200);

        String realm = f.qboOrgs.get(0);
        c.control("POST", "/faults", "{\"provider\":\"qbo\",\"operation\":\"query\",\"kind\":\"429\",\"count\":1,\"xml\":true}");
        HttpResponse<String> xml = c.qboQuery(realm, f.qboToken(realm), "select * from Invoice");
        assertThat(xml.statusCode()).isEqualTo(429);
        assertThat(xml.body()).contains("<Fault type=\"SERVICE\"><Error code=\"3001\">");
        assertThat(c.control("DELETE", "/faults", null).get("rules")).isEmpty();
    }

    @Test
    void aTimeoutAfterApplyOnQuickBooksCreateIsAnsweredByTheRequestIdReplay() {
        String realm = f.qboOrgs.get(0);
        String qboToken = f.qboToken(realm);
        String customer = json(c.qboQuery(realm, qboToken, "select * from Customer MAXRESULTS 1")).at("/QueryResponse/Customer/0/Id").asText();
        String body = "{\"CustomerRef\":{\"value\":\"" + customer + "\"},\"Line\":[{\"Amount\":5,\"DetailType\":\"SalesItemLineDetail\","
                + "\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"1\"}}}]}";
        c.control("POST", "/faults", "{\"provider\":\"qbo\",\"operation\":\"createInvoice\",\"kind\":\"timeoutAfterApply\",\"count\":1}");
        assertThatThrownBy(() -> c.qbo("POST", "invoice?requestid=abc", realm, qboToken, body)).isInstanceOf(UncheckedIOException.class);
        HttpResponse<String> retry = c.qbo("POST", "invoice?requestid=abc", realm, qboToken, body);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(c.control("GET", "/ledger/" + realm, null).get("lateFeeInvoices").asInt()).isEqualTo(1);
    }

    @Test
    void theControlApiNeedsItsToken() {
        assertThat(c.send("GET", "/_sandbox/orgs", null).statusCode()).isEqualTo(401);
        assertThat(c.send("GET", "/_sandbox/orgs", null, "X-Sandbox-Token", "guess").statusCode()).isEqualTo(401);
        assertThat(c.send("GET", "/_sandbox/health", null).statusCode()).isEqualTo(200);
        assertThat(c.control("GET", "/config", null).get("arrears.xero.api-url").asText())
                .isEqualTo(f.sandbox.baseUrl() + "/xero/api/api.xro/2.0");
    }
}
