package dev.arrears.sandbox;

import static dev.arrears.sandbox.SandboxClient.enc;
import static dev.arrears.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.connector.ProviderDocuments;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the QuickBooks imitation honest: every member of its responses must be an element or
 * attribute of Intuit's XSD (src/test/resources/apis/quickbooks/xsd), and its responses must carry the
 * members the recorded and synthesized examples (src/test/resources/apis/quickbooks/examples) show.
 */
class QuickBooksConformanceTest {

    private static IntuitSchema xsd;
    private static SandboxFixture f;
    private static SandboxClient c;
    private static String realm;
    private static String token;
    private static String createdId;

    @BeforeAll
    static void start() throws Exception {
        xsd = IntuitSchema.load(ProviderDocuments.path("quickbooks/xsd"));
        f = new SandboxFixture();
        c = f.client;
        realm = f.qboOrgs.get(0);
        String since = QuickBooksImitation.meta(f.clock.millis());
        f.clock.advance(Duration.ofDays(20));
        token = f.qboToken(realm);
        String customer = json(c.qboQuery(realm, token, "select * from Customer MAXRESULTS 1")).at("/QueryResponse/Customer/0/Id").asText();
        HttpResponse<String> created = c.qbo("POST", "invoice?requestid=conf-1", realm, token, """
                {"CustomerRef":{"value":"%s"},"DocNumber":"LF-9","PrivateNote":"fee","CustomerMemo":{"value":"Late fee"},
                 "Line":[{"Amount":25.00,"DetailType":"SalesItemLineDetail","Description":"Late fee",
                 "SalesItemLineDetail":{"ItemRef":{"value":"1"},"Qty":1,"UnitPrice":25.00,"TaxCodeRef":{"value":"NON"}}}]}"""
                .formatted(customer));
        createdId = json(created).at("/Invoice/Id").asText();
        c.qbo("POST", "attachable", realm, token, "{\"Note\":\"n\",\"AttachableRef\":[{\"EntityRef\":{\"type\":\"Invoice\",\"value\":\""
                + createdId + "\"}}]}");
        cdcSince = since;
    }

    private static String cdcSince;

    @AfterAll
    static void stop() {
        f.close();
    }

    private static void assertKnownToXsd(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isLessThan(500);
        assertThat(xsd.check(json(r), "IntuitResponse")).as("members unknown to the XSD in " + r.body()).isEmpty();
    }

    @Test
    void theSchemaReaderKnowsTheEntitiesAndRejectsStrangers() {
        assertThat(xsd.members("Invoice")).containsKeys("Balance", "DocNumber", "Line", "MetaData", "Id", "domain", "sparse");
        assertThat(xsd.members("ReferenceType")).containsKeys("value", "name", "type");
        assertThat(xsd.check(SandboxClient.JSON.valueToTree(Map.of("Invoice", Map.of("Balanse", 1))), "IntuitResponse"))
                .containsExactly("IntuitResponse.Invoice.Balanse (not in XSD type Invoice)");
    }

    @Test
    void everyEntityTheSandboxServesUsesXsdNamesOnly() {
        for (String entity : new String[] {"Invoice", "Payment", "Customer", "Item", "Account", "Term", "Attachable", "CompanyInfo", "Preferences",
            "TaxCode"}) {
            HttpResponse<String> r = c.qboQuery(realm, token, "select * from " + entity + " MAXRESULTS 1000");
            assertThat(json(r).at("/QueryResponse/" + entity)).as(entity).isNotEmpty();
            assertKnownToXsd(r);
        }
        assertKnownToXsd(c.qbo("GET", "companyinfo/" + realm, realm, token, null));
        assertKnownToXsd(c.qbo("GET", "preferences", realm, token, null));
        assertKnownToXsd(c.qbo("GET", "invoice/" + createdId, realm, token, null));
        assertKnownToXsd(c.qbo("POST", "invoice/" + createdId + "/send", realm, token, ""));
        assertKnownToXsd(c.qbo("GET", "cdc?entities=Invoice,Payment,Customer&changedSince=" + enc(cdcSince), realm, token, null));
        assertKnownToXsd(c.qboQuery(realm, token, "select count(*) from Invoice"));
        assertKnownToXsd(c.qboQuery(realm, token, "select * from Invoice where Id = '999999'"));
        assertKnownToXsd(c.qboQuery(realm, token, "select * from Custmoer"));
        assertKnownToXsd(c.qbo("POST", "item", realm, token, "{\"Name\":\"Services\",\"Type\":\"Service\",\"IncomeAccountRef\":{\"value\":\"1\"}}"));
    }

    @Test
    void invoicesCarryWhatTheRecordedInvoicesCarry() throws Exception {
        JsonNode ours = json(c.qbo("GET", "invoice/" + createdId, realm, token, null));
        Set<String> missing = missingPaths(example("qbo_api-recorded/invoice-create.json").at("/response/body"), ours);
        // Addresses and custom fields are company data the sandbox's companies do not have.
        missing.removeIf(p -> p.startsWith("Invoice.BillAddr") || p.startsWith("Invoice.ShipAddr") || p.startsWith("Invoice.CustomField[]"));
        assertThat(missing).isEmpty();

        JsonNode page = json(c.qboQuery(realm, token, "select * from Invoice where Balance > '0' ORDERBY Id STARTPOSITION 1 MAXRESULTS 1000"));
        Set<String> pageMissing = missingPaths(example("synthesized/invoice-query-open-invoices.json"), page);
        pageMissing.removeIf(p -> p.equals("_note") || p.startsWith("QueryResponse.Invoice[].CustomField[]")
                || p.equals("QueryResponse.Invoice[].CustomerMemo") || p.startsWith("QueryResponse.Invoice[].CustomerMemo.")
                || p.equals("QueryResponse.Invoice[].Deposit") || p.equals("QueryResponse.Invoice[].PrivateNote"));
        assertThat(pageMissing).isEmpty();
    }

    @Test
    void cdcFaultsCountsPaymentsAndTokensHaveTheExamplesShapes() throws Exception {
        JsonNode cdc = json(c.qbo("GET", "cdc?entities=Invoice,Payment&changedSince=" + enc(cdcSince), realm, token, null));
        Set<String> cdcMissing = missingPaths(example("synthesized/cdc-invoice-payment.json"), cdc);
        // The example holds a voided and a deleted invoice; nothing was voided or deleted here.
        cdcMissing.removeIf(p -> p.equals("_note") || p.contains("PrivateNote") || p.contains(".status")
                || p.contains("CustomField"));
        assertThat(cdcMissing).isEmpty();

        assertThat(missingPaths(example("qbo_api-recorded/error-400-invalid-query-4001.json").at("/response/body"),
                json(c.qboQuery(realm, token, "SELECT * FROM Custmoer")))).isEmpty();
        assertThat(missingPaths(example("qbo_api-recorded/query-count.json").at("/response/body"),
                json(c.qboQuery(realm, token, "SELECT COUNT(*) FROM Customer")))).isEmpty();
        String paymentId = json(c.qboQuery(realm, token, "select * from Payment MAXRESULTS 1")).at("/QueryResponse/Payment/0/Id").asText();
        Set<String> paymentMissing = missingPaths(example("synthesized/payment-partial.json"),
                json(c.qbo("GET", "payment/" + paymentId, realm, token, null)));
        paymentMissing.removeIf(p -> p.equals("_note") || p.contains("LineEx") || p.startsWith("Payment.PaymentMethodRef"));
        assertThat(paymentMissing).isEmpty();

        JsonNode grant = c.grant(realm);
        HttpResponse<String> refreshed = c.tokenRequest(Provider.QUICKBOOKS, "grant_type=refresh_token&refresh_token="
                + grant.get("refresh_token").asText(), "x-include-refresh-token-hard-expires-in", "true");
        Set<String> tokenMissing = missingPaths(example("synthesized/oauth-refresh-response-with-hard-expiry.json"), json(refreshed));
        tokenMissing.remove("_note");
        assertThat(tokenMissing).isEmpty();
        HttpResponse<String> bad = c.tokenRequest(Provider.QUICKBOOKS, "grant_type=refresh_token&refresh_token=nope");
        assertThat(json(bad)).isEqualTo(example("intuit-sdk/oauth-jsclient-errorResponse.json").get("json"));

        f.clock.advance(Duration.ofHours(2));
        HttpResponse<String> expired = c.qboQuery(realm, token, "select * from Invoice");
        assertThat(missingPaths(example("qbo_api-recorded/error-401-authentication-3200.json").at("/response/body"), json(expired))).isEmpty();
        token = f.qboToken(realm);
    }

    private static JsonNode example(String name) throws Exception {
        return SandboxClient.JSON.readTree(Files.readString(ProviderDocuments.path("quickbooks/examples").resolve(Path.of(name))));
    }

    /** Paths (arrays as []) present in the example and absent from ours. */
    static Set<String> missingPaths(JsonNode example, JsonNode ours) {
        Set<String> want = new TreeSet<>();
        Set<String> have = new TreeSet<>();
        paths(example, "", want);
        paths(ours, "", have);
        want.removeAll(have);
        return want;
    }

    private static void paths(JsonNode n, String prefix, Set<String> out) {
        if (n.isArray()) {
            for (JsonNode item : n) {
                paths(item, prefix + "[]", out);
            }
        } else if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                out.add(p);
                paths(e.getValue(), p, out);
            }
        }
    }
}
