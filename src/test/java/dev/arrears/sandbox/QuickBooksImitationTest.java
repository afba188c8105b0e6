package dev.arrears.sandbox;

import static dev.arrears.sandbox.SandboxClient.enc;
import static dev.arrears.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The QuickBooks calls Arrears makes: query paging, CDC and its limits, requestid, send, notes. */
class QuickBooksImitationTest {

    private final SandboxFixture f = new SandboxFixture();
    private final SandboxClient c = f.client;
    private final String realm = f.qboOrgs.get(0);
    private String token = f.qboToken(realm);

    @AfterEach
    void stop() {
        f.close();
    }

    private void advance(Duration d) {
        f.clock.advance(d);
        token = f.qboToken(realm);
    }

    private JsonNode query(String q) {
        HttpResponse<String> r = c.qboQuery(realm, token, q);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private HttpResponse<String> post(String resource, String body) {
        return c.qbo("POST", resource, realm, token, body, "Content-Type", "application/json");
    }

    @Test
    void aUsCompanysActiveTaxCodesAreTheLinePseudoCodesAndATaxGroup() {
        JsonNode codes = query("select * from TaxCode where Active = true").at("/QueryResponse/TaxCode");
        assertThat(codes.findValuesAsText("Id")).containsExactlyInAnyOrder("TAX", "NON", "2");
        for (JsonNode code : codes) {
            assertThat(code.path("TaxGroup").asBoolean()).as(code.toString()).isEqualTo(code.path("Id").asText().equals("2"));
        }
    }

    @Test
    void openInvoicesPageWithStartPositionAndMaxResults() {
        int total = query("select count(*) from Invoice where Balance > '0'").at("/QueryResponse/totalCount").asInt();
        assertThat(total).isGreaterThan(3);
        Set<String> ids = new HashSet<>();
        for (int start = 1; ; start += 3) {
            JsonNode page = query("select * from Invoice where Balance > '0' ORDERBY Id STARTPOSITION " + start + " MAXRESULTS 3");
            JsonNode rows = page.at("/QueryResponse/Invoice");
            if (rows.isMissingNode()) {
                assertThat(page.get("QueryResponse").isEmpty()).as("an empty page is {}").isTrue();
                break;
            }
            assertThat(page.at("/QueryResponse/startPosition").asInt()).isEqualTo(start);
            assertThat(page.at("/QueryResponse/maxResults").asInt()).isEqualTo(rows.size());
            rows.forEach(r -> {
                assertThat(r.get("Balance").decimalValue()).isPositive();
                ids.add(r.get("Id").asText());
            });
            if (rows.size() < 3) {
                break;
            }
        }
        assertThat(ids).hasSize(total);
        JsonNode inv = query("select * from Invoice STARTPOSITION 1 MAXRESULTS 1").at("/QueryResponse/Invoice/0");
        assertThat(inv.at("/MetaData/LastUpdatedTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-0[78]:00");
        assertThat(inv.at("/Line/1/DetailType").asText()).isEqualTo("SubTotalLineDetail");
    }

    @Test
    void privateNoteIsNotQueryableButDocNumberIs() {
        HttpResponse<String> r = c.qboQuery(realm, token, "select * from Invoice where PrivateNote = 'x'");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/Fault/Error/0/code").asText()).isEqualTo("4001");
        assertThat(json(r).at("/Fault/Error/0/Detail").asText()).isEqualTo("QueryValidationError: property 'PrivateNote' is not queryable");
        HttpResponse<String> bad = c.qboQuery(realm, token, "SELECT * FROM Custmoer");
        assertThat(json(bad).at("/Fault/Error/0/Detail").asText()).isEqualTo("QueryValidationError: invalid context declaration: Custmoer");
        assertThat(query("select * from Invoice where DocNumber = '1001'").at("/QueryResponse/Invoice")).hasSize(1);
    }

    @Test
    void createWithRequestIdReplaysAndDuplicateDocNumberIsRefused() {
        String body = """
                {"CustomerRef":{"value":"%s"},"DocNumber":"LF-1001-1","PrivateNote":"dunning:latefee:inv=1:stage=2",
                 "Line":[{"Amount":25.00,"DetailType":"SalesItemLineDetail","Description":"Late fee",
                          "SalesItemLineDetail":{"ItemRef":{"value":"1"},"Qty":1,"UnitPrice":25.00,"TaxCodeRef":{"value":"NON"}}}]}"""
                .formatted(query("select * from Customer MAXRESULTS 1").at("/QueryResponse/Customer/0/Id").asText());
        HttpResponse<String> created = post("invoice?minorversion=75&requestid=r-1", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        JsonNode inv = json(created).get("Invoice");
        assertThat(inv.get("SyncToken").asText()).isEqualTo("0");
        assertThat(inv.get("TotalAmt").decimalValue()).isEqualByComparingTo("25");
        assertThat(json(post("invoice?minorversion=75&requestid=r-1", body)).at("/Invoice/Id")).isEqualTo(inv.get("Id"));
        HttpResponse<String> dup = post("invoice?minorversion=75&requestid=r-2", body);
        assertThat(dup.statusCode()).isEqualTo(400);
        assertThat(json(dup).at("/Fault/Error/0/code").asText()).isEqualTo("6140");
        assertThat(c.control("GET", "/ledger/" + realm, null).get("lateFeeInvoices").asInt()).isEqualTo(1);
        assertThat(query("select * from Invoice where DocNumber = 'LF-1001-1'").at("/QueryResponse/Invoice/0/PrivateNote").asText())
                .isEqualTo("dunning:latefee:inv=1:stage=2");

        HttpResponse<String> unknown = post("invoice", "{\"BadJson\":true}");
        assertThat(json(unknown).at("/Fault/Error/0/code").asText()).isEqualTo("2010");
    }

    @Test
    void sendMarksTheInvoiceEmailedAndBumpsSyncTokenSoAStaleUpdateFails() {
        JsonNode inv = query("select * from Invoice where Balance > '0' MAXRESULTS 1").at("/QueryResponse/Invoice/0");
        String id = inv.get("Id").asText();
        HttpResponse<String> sent = c.qbo("POST", "invoice/" + id + "/send?sendTo=" + enc("ap@example.com"), realm, token, "",
                "Content-Type", "application/octet-stream");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        JsonNode after = json(sent).get("Invoice");
        assertThat(after.get("EmailStatus").asText()).isEqualTo("EmailSent");
        assertThat(after.at("/BillEmail/Address").asText()).isEqualTo("ap@example.com");
        assertThat(after.at("/DeliveryInfo/DeliveryType").asText()).isEqualTo("Email");
        assertThat(after.get("SyncToken").asInt()).isEqualTo(inv.get("SyncToken").asInt() + 1);

        HttpResponse<String> stale = post("invoice", "{\"Id\":\"" + id + "\",\"SyncToken\":\"" + inv.get("SyncToken").asText()
                + "\",\"sparse\":true,\"PrivateNote\":\"x\"}");
        assertThat(json(stale).at("/Fault/Error/0/code").asText()).isEqualTo("5010");

        HttpResponse<String> note = post("attachable?requestid=n-1", "{\"Note\":\"[dunning v1] stage=1\",\"AttachableRef\":[{\"EntityRef\":"
                + "{\"type\":\"Invoice\",\"value\":\"" + id + "\"}}]}");
        assertThat(note.statusCode()).as(note.body()).isEqualTo(200);
        assertThat(query("select * from Attachable where AttachableRef.EntityRef.Value = '" + id + "'")
                .at("/QueryResponse/Attachable/0/Note").asText()).isEqualTo("[dunning v1] stage=1");
        JsonNode ledger = c.control("GET", "/ledger/" + realm, null);
        assertThat(ledger.get("remindersSent").asInt()).isEqualTo(1);
        assertThat(ledger.get("notes")).hasSize(1);
    }

    @Test
    void cdcShowsPaymentsAndInvoicesChangedSinceAndRefusesMoreThanThirtyDaysBack() {
        String since = QuickBooksImitation.meta(f.clock.millis());
        JsonNode none = json(c.qbo("GET", "cdc?entities=Invoice,Payment&changedSince=" + enc(since), realm, token, null));
        assertThat(none.at("/CDCResponse/0/QueryResponse/0").isEmpty()).isTrue();
        advance(Duration.ofDays(25));
        HttpResponse<String> r = c.qbo("GET", "cdc?entities=Invoice,Payment&changedSince=" + enc(since), realm, token, null);
        JsonNode groups = json(r).at("/CDCResponse/0/QueryResponse");
        assertThat(groups.findValues("Payment")).isNotEmpty();
        assertThat(groups.findValues("Invoice")).isNotEmpty();
        JsonNode payment = groups.findValues("Payment").get(0).get(0);
        String invoiceId = payment.at("/Line/0/LinkedTxn/0/TxnId").asText();
        JsonNode invoice = json(c.qbo("GET", "invoice/" + invoiceId, realm, token, null)).get("Invoice");
        assertThat(invoice.get("LinkedTxn").findValuesAsText("TxnId")).contains(payment.get("Id").asText());

        advance(Duration.ofDays(6));
        HttpResponse<String> tooOld = c.qbo("GET", "cdc?entities=Invoice&changedSince=" + enc(since), realm, token, null);
        assertThat(tooOld.statusCode()).isEqualTo(400);
        assertThat(json(tooOld).has("Fault")).isTrue();
    }

    @Test
    void moreThanFiveHundredRequestsAMinuteAreThrottledWithFault3001() {
        HttpResponse<String> last = null;
        for (int i = 0; i < 501; i++) {
            last = c.qbo("GET", "preferences", realm, token, null);
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(json(last).at("/Fault/Error/0/code").asText()).isEqualTo("3001");
        assertThat(json(last).at("/Fault/type").asText()).isEqualTo("SERVICE");
    }

    @Test
    void invoiceLinkIsIncludedOnlyWhenAskedForAndThePdfIsServed() {
        JsonNode inv = query("select * from Invoice where Balance > '0' MAXRESULTS 1").at("/QueryResponse/Invoice/0");
        String id = inv.get("Id").asText();
        assertThat(inv.at("/BillEmail/Address").asText()).contains("@");
        JsonNode plain = json(c.qbo("GET", "invoice/" + id + "?minorversion=75", realm, token, null)).get("Invoice");
        assertThat(plain.has("InvoiceLink")).isFalse();
        JsonNode linked = json(c.qbo("GET", "invoice/" + id + "?minorversion=75&include=invoiceLink", realm, token, null)).get("Invoice");
        assertThat(linked.get("InvoiceLink").asText()).startsWith("https://connect.intuit.com/").endsWith("-" + id);
        assertThat(linked.get("Id").asText()).isEqualTo(id);
        HttpResponse<String> pdf = c.send("GET", "/qbo/api/v3/company/" + realm + "/invoice/" + id + "/pdf?minorversion=75", null,
                "Authorization", "Bearer " + token, "Accept", "application/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-1.4").contains("INVOICE " + inv.get("DocNumber").asText());
        assertThat(c.qbo("GET", "invoice/999999/pdf", realm, token, null).statusCode()).isEqualTo(400);
    }
}
