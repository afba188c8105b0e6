package dev.arrears.sandbox;

import static dev.arrears.sandbox.SandboxClient.enc;
import static dev.arrears.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Xero Accounting calls Arrears makes: paging, If-Modified-Since, where, writes with Idempotency-Key. */
class XeroInvoicesTest {

    private final SandboxFixture f = new SandboxFixture();
    private final SandboxClient c = f.client;
    private final String tenant = f.xeroOrgs.get(0);
    private String token = f.xeroToken(tenant);

    /** Moves the ledger clock and takes a fresh access token (they live 30 minutes of ledger time). */
    private void advance(Duration d) {
        f.clock.advance(d);
        token = f.xeroToken(tenant);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private JsonNode get(String resource, String... headers) {
        HttpResponse<String> r = c.xero("GET", resource, tenant, token, null, headers);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    static String feeBody(String contactId, String reference) {
        return """
                {"Invoices":[{"Type":"ACCREC","Contact":{"ContactID":"%s"},"Date":"2026-03-02","DueDate":"2026-03-16",
                 "Reference":"%s","Status":"AUTHORISED","LineAmountTypes":"Exclusive",
                 "LineItems":[{"Description":"Late payment fee","Quantity":1,"UnitAmount":25.00,"ItemCode":"LATEFEE",
                               "AccountCode":"260","TaxType":"NONE"}]}]}""".formatted(contactId, reference);
    }

    @Test
    void openInvoicesArePagedAndSummaryDropsLineItems() {
        String query = "Invoices?Statuses=AUTHORISED&where=" + enc("Type==\"ACCREC\"") + "&summaryOnly=true&pageSize=10&page=";
        JsonNode first = get(query + "1");
        int items = first.at("/pagination/itemCount").asInt();
        assertThat(items).isGreaterThan(10);
        assertThat(first.at("/pagination/pageCount").asInt()).isEqualTo((items + 9) / 10);
        assertThat(first.get("Invoices")).hasSize(10);
        JsonNode inv = first.get("Invoices").get(0);
        assertThat(inv.has("LineItems")).isFalse();
        assertThat(inv.has("Payments")).isFalse();
        assertThat(inv.get("Status").asText()).isEqualTo("AUTHORISED");
        assertThat(inv.get("Date").asText()).matches("/Date\\(\\d+\\+0000\\)/");
        Set<String> seen = new HashSet<>();
        for (int page = 1; page <= first.at("/pagination/pageCount").asInt(); page++) {
            get(query + page).get("Invoices").forEach(i -> seen.add(i.get("InvoiceID").asText()));
        }
        assertThat(seen).hasSize(items);
        assertThat(get(query.replace("pageSize=10", "pageSize=5000") + "1").at("/pagination/pageSize").asInt()).isEqualTo(1000);
        assertThat(get("Invoices?page=1").get("Invoices").get(0).has("LineItems")).isTrue();
    }

    @Test
    void ifModifiedSinceReturnsOnlyWhatChangedAfterwards() {
        String since = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(f.clock.instant().atZone(ZoneOffset.UTC).toLocalDateTime());
        assertThat(get("Invoices?page=1", "If-Modified-Since", since).get("Invoices")).isEmpty();
        advance(Duration.ofDays(20));
        JsonNode changed = get("Invoices?page=1", "If-Modified-Since", since).get("Invoices");
        assertThat(changed).isNotEmpty();
        for (JsonNode i : changed) {
            assertThat(i.get("UpdatedDateUTCString").asText()).isGreaterThanOrEqualTo(since);
        }
    }

    @Test
    void createdLateFeeIsFoundByReferenceAndAnIdempotentRetryCreatesNothingNew() {
        String contact = get("Contacts").get("Contacts").get(0).get("ContactID").asText();
        String body = feeBody(contact, "LATEFEE:abc:2");
        HttpResponse<String> created = c.xero("PUT", "Invoices?summarizeErrors=false", tenant, token, body,
                "Idempotency-Key", "key-1", "Content-Type", "application/json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        JsonNode inv = json(created).get("Invoices").get(0);
        assertThat(inv.get("StatusAttributeString").asText()).isEqualTo("OK");
        assertThat(inv.get("Total").decimalValue()).isEqualByComparingTo("25.00");

        HttpResponse<String> replay = c.xero("PUT", "Invoices?summarizeErrors=false", tenant, token, body,
                "Idempotency-Key", "key-1", "Content-Type", "application/json");
        assertThat(json(replay).get("Invoices").get(0).get("InvoiceID")).isEqualTo(inv.get("InvoiceID"));
        HttpResponse<String> different = c.xero("PUT", "Invoices?summarizeErrors=false", tenant, token,
                feeBody(contact, "LATEFEE:abc:3"), "Idempotency-Key", "key-1", "Content-Type", "application/json");
        assertThat(different.statusCode()).isEqualTo(400);
        assertThat(json(different).get("Message").asText()).contains("is used with a different request");

        JsonNode found = get("Invoices?where=" + enc("Reference==\"LATEFEE:abc:2\""));
        assertThat(found.get("Invoices")).hasSize(1);
        assertThat(found.get("Invoices").get(0).get("InvoiceID")).isEqualTo(inv.get("InvoiceID"));
        assertThat(c.control("GET", "/ledger/" + tenant, null).get("lateFeeInvoices").asInt()).isEqualTo(1);

        // After six minutes the key is forgotten: the same request creates a second invoice.
        advance(Duration.ofMinutes(6));
        c.xero("PUT", "Invoices?summarizeErrors=false", tenant, token, body, "Idempotency-Key", "key-1");
        JsonNode ledger = c.control("GET", "/ledger/" + tenant, null);
        assertThat(ledger.get("lateFeeInvoices").asInt()).isEqualTo(2);
        assertThat(ledger.get("duplicateCreatedKeys").get(0).asText()).isEqualTo("LATEFEE:abc:2");
    }

    @Test
    void withoutSummarizeErrorsABadElementFailsTheCallButTheGoodOnesAreCreated() {
        String contact = get("Contacts").get("Contacts").get(0).get("ContactID").asText();
        String body = """
                {"Invoices":[%s,{"Type":"ACCREC","Contact":{"ContactID":"%s"},"LineItems":[]}]}"""
                .formatted(json(c.xero("GET", "Invoices?page=1", tenant, token, null)).isEmpty() ? "" :
                        feeBody(contact, "GOOD").replaceAll("^\\{\"Invoices\":\\[|\\]\\}$", ""), contact);
        HttpResponse<String> r = c.xero("PUT", "Invoices", tenant, token, body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("Type").asText()).isEqualTo("ValidationException");
        assertThat(json(r).at("/Elements/0/ValidationErrors/0/Message").asText()).isNotEmpty();
        assertThat(get("Invoices?where=" + enc("Reference==\"GOOD\"")).get("Invoices")).hasSize(1);

        HttpResponse<String> each = c.xero("PUT", "Invoices?summarizeErrors=false", tenant, token, body);
        assertThat(each.statusCode()).isEqualTo(200);
        assertThat(json(each).at("/Invoices/0/StatusAttributeString").asText()).isEqualTo("OK");
        assertThat(json(each).at("/Invoices/1/StatusAttributeString").asText()).isEqualTo("ERROR");
        assertThat(json(each).at("/Invoices/1/HasErrors").asBoolean()).isTrue();
    }

    @Test
    void emailIsRecordedAndCappedPerDayAndHistoryNotesComeBack() {
        JsonNode inv = get("Invoices?Statuses=AUTHORISED&page=1").get("Invoices").get(0);
        String id = inv.get("InvoiceID").asText();
        assertThat(c.xero("POST", "Invoices/" + id + "/Email", tenant, token, "{}").statusCode()).isEqualTo(204);
        c.control("POST", "/orgs/" + tenant + "/settings", "{\"emailDailyCap\":1}");
        HttpResponse<String> capped = c.xero("POST", "Invoices/" + id + "/Email", tenant, token, "{}");
        assertThat(capped.statusCode()).isEqualTo(400);
        advance(Duration.ofDays(1));
        assertThat(c.xero("POST", "Invoices/" + id + "/Email", tenant, token, "{}").statusCode()).isEqualTo(204);

        HttpResponse<String> note = c.xero("PUT", "Invoices/" + id + "/History", tenant, token,
                "{\"HistoryRecords\":[{\"Details\":\"[dunning v1] stage=2 action=email\"}]}");
        assertThat(note.statusCode()).isEqualTo(200);
        assertThat(json(note).at("/HistoryRecords/0/Details").asText()).isEqualTo("[dunning v1] stage=2 action=email");
        JsonNode history = get("Invoices/" + id + "/History").get("HistoryRecords");
        assertThat(history.findValuesAsText("Details")).contains("[dunning v1] stage=2 action=email");

        JsonNode ledger = c.control("GET", "/ledger/" + tenant, null);
        assertThat(ledger.get("remindersSent").asInt()).isEqualTo(2);
        assertThat(ledger.get("emailsPerInvoice").get(id).asInt()).isEqualTo(2);
        assertThat(ledger.get("notes")).hasSize(1);
    }

    @Test
    void settingsEndpointsDescribeTheOrganisation() {
        JsonNode org = get("Organisation").get("Organisations").get(0);
        assertThat(org.get("OrganisationID").asText()).isEqualTo(tenant);
        assertThat(org.get("Timezone").asText()).isEqualTo("GMTSTANDARDTIME");
        assertThat(org.get("BaseCurrency").asText()).isEqualTo("GBP");
        assertThat(get("InvoiceReminders/Settings").at("/InvoiceReminders/0/Enabled").asBoolean()).isFalse();
        assertThat(get("Accounts").get("Accounts").findValuesAsText("Code")).contains("200", "260");
        assertThat(get("TaxRates").get("TaxRates").findValuesAsText("TaxType")).contains("OUTPUT2", "NONE");
        assertThat(get("Items").get("Items").findValuesAsText("Code")).contains("LATEFEE");
    }

    @Test
    void xeroRateLimitsAnswer429WithRetryAfter() {
        HttpResponse<String> last = null;
        for (int i = 0; i < 61; i++) {
            last = c.xero("GET", "Organisation", tenant, token, null);
            if (i == 0) {
                assertThat(last.headers().firstValue("X-MinLimit-Remaining")).hasValue("59");
                assertThat(last.headers().firstValue("X-DayLimit-Remaining")).hasValue("4999");
            }
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("X-Rate-Limit-Problem")).hasValue("minute");
        assertThat(Integer.parseInt(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
        f.clock.advance(Duration.ofSeconds(61));
        assertThat(c.xero("GET", "Organisation", tenant, token, null).statusCode()).isEqualTo(200);
    }

    @Test
    void anInvoiceIsServedAsPdfWhenAskedWithAcceptApplicationPdf() {
        JsonNode inv = get("Invoices?Statuses=AUTHORISED&page=1").get("Invoices").get(0);
        HttpResponse<String> pdf = c.send("GET", "/xero/api/api.xro/2.0/Invoices/" + inv.get("InvoiceID").asText(), null,
                "Authorization", "Bearer " + token, "xero-tenant-id", tenant, "Accept", "application/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-1.4").contains("INVOICE " + inv.get("InvoiceNumber").asText()).endsWith("%%EOF\n");
        HttpResponse<String> missing = c.send("GET", "/xero/api/api.xro/2.0/Invoices/00000000-0000-0000-0000-000000000000", null,
                "Authorization", "Bearer " + token, "xero-tenant-id", tenant, "Accept", "application/pdf");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(get("Invoices/" + inv.get("InvoiceID").asText() + "/OnlineInvoice").at("/OnlineInvoices/0/OnlineInvoiceUrl").asText())
                .startsWith("https://in.xero.com/");
    }

    @Test
    void contactsHaveEmailAddresses() {
        for (JsonNode contact : get("Contacts?page=1").get("Contacts")) {
            assertThat(contact.path("EmailAddress").asText()).as("contact %s", contact.path("Name")).contains("@");
        }
    }
}
