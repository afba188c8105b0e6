package dev.arrears.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Customers pay as their behaviours say while the ledger clock runs; the control API can pay too. */
class PaymentsOverTimeTest {

    private final SandboxFixture f = new SandboxFixture();
    private final SandboxClient c = f.client;

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void invoicesGetPaidAsTheClockRunsExceptByCustomersWhoNeverPay() {
        String tenant = f.xeroOrgs.get(1);
        Map<String, String> behaviour = new HashMap<>();
        for (JsonNode o : c.control("GET", "/orgs", null).get("orgs")) {
            if (o.get("id").asText().equals(tenant)) {
                o.get("customers").forEach(cu -> behaviour.put(cu.get("id").asText(), cu.get("behaviour").asText()));
            }
        }
        assertThat(behaviour.values()).contains("PAYS_EARLY", "PAYS_LATE", "PAYS_IN_PART", "DISPUTES", "NEVER_PAYS");
        int openBefore = c.control("GET", "/ledger/" + tenant, null).get("open").asInt();
        int paymentsBefore = c.control("GET", "/ledger/" + tenant, null).get("payments").asInt();
        f.clock.advance(Duration.ofDays(30));
        JsonNode after = c.control("GET", "/ledger/" + tenant, null);
        assertThat(after.get("payments").asInt()).isGreaterThan(paymentsBefore);

        String token = f.xeroToken(tenant);
        JsonNode all = SandboxClient.json(c.xero("GET", "Invoices", tenant, token, null)).get("Invoices");
        for (JsonNode inv : all) {
            String b = behaviour.get(inv.at("/Contact/ContactID").asText());
            if (b.equals("NEVER_PAYS") || b.equals("DISPUTES")) {
                assertThat(inv.get("AmountPaid").decimalValue()).isZero();
            }
            if (inv.get("Status").asText().equals("PAID")) {
                assertThat(inv.get("AmountDue").decimalValue()).isZero();
                assertThat(inv.has("FullyPaidOnDate")).isTrue();
            }
        }
        assertThat(all.findValuesAsText("Status")).contains("PAID", "AUTHORISED");
        assertThat(openBefore).isPositive();
    }

    @Test
    void aPaymentRecordedThroughTheControlApiShowsInTheProvidersViews() {
        String realm = f.qboOrgs.get(0);
        String token = f.qboToken(realm);
        JsonNode inv = SandboxClient.json(c.qboQuery(realm, token, "select * from Invoice where Balance > '0' MAXRESULTS 1"))
                .at("/QueryResponse/Invoice/0");
        f.clock.advance(Duration.ofMinutes(5));
        JsonNode paid = c.control("POST", "/payments", "{\"org\":\"" + realm + "\",\"invoice\":\"" + inv.get("Id").asText()
                + "\",\"amount\":\"10.00\"}");
        assertThat(paid.get("amount").decimalValue()).isEqualByComparingTo("10.00");
        JsonNode again = SandboxClient.json(c.qbo("GET", "invoice/" + inv.get("Id").asText(), realm, f.qboToken(realm), null)).get("Invoice");
        assertThat(again.get("Balance").decimalValue()).isEqualByComparingTo(inv.get("Balance").decimalValue().subtract(new java.math.BigDecimal("10.00")));
        assertThat(again.get("SyncToken").asInt()).isEqualTo(inv.get("SyncToken").asInt() + 1);
        assertThat(again.at("/MetaData/LastUpdatedTime").asText()).isNotEqualTo(inv.at("/MetaData/LastUpdatedTime").asText());

        String tenant = f.xeroOrgs.get(0);
        String xeroToken = f.xeroToken(tenant);
        JsonNode open = SandboxClient.json(c.xero("GET", "Invoices?Statuses=AUTHORISED&page=1", tenant, xeroToken, null)).at("/Invoices/0");
        c.control("POST", "/payments", "{\"org\":\"" + tenant + "\",\"invoice\":\"" + open.get("InvoiceNumber").asText() + "\"}");
        JsonNode now = SandboxClient.json(c.xero("GET", "Invoices/" + open.get("InvoiceID").asText(), tenant, xeroToken, null)).at("/Invoices/0");
        assertThat(now.get("Status").asText()).isEqualTo("PAID");
        assertThat(now.get("Payments")).isNotEmpty();
        JsonNode payments = SandboxClient.json(c.xero("GET", "Payments", tenant, xeroToken, null,
                "If-Modified-Since", f.clock.instant().minusSeconds(1).toString())).get("Payments");
        assertThat(payments.findValuesAsText("InvoiceID")).contains(open.get("InvoiceID").asText());
    }

    @Test
    void laterInvoicesAppearWhenTheirIssueDateComes() {
        String tenant = f.xeroOrgs.get(0);
        JsonNode before = c.control("GET", "/ledger/" + tenant, null);
        f.clock.advance(Duration.ofDays(30));
        JsonNode after = c.control("GET", "/ledger/" + tenant, null);
        assertThat(after.get("invoices").asInt()).isGreaterThan(before.get("invoices").asInt());
    }
}
