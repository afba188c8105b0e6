package dev.arrears.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.OrganisationStore;
import dev.arrears.domain.money.Money;
import dev.arrears.web.security.TestOperator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Generated requests over every admin endpoint, seeded so that a failure can be replayed: wrong
 * types, nulls, huge and tiny numbers, far dates, control characters, over-long text and unknown ids.
 * None may answer 5xx, more than 64 KB, or with a Java class or stack trace; the process must still
 * answer at the end.
 */
@QuarkusTest
class AdminApiFuzzTest {

    private static final long SEED = 20261207L;
    private static final int REQUESTS = 1_200;

    /** An endpoint: method, path with {org} and {id} holes, and its body's fields with their kinds. */
    private record Endpoint(String method, String path, Map<String, String> fields) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/admin/status", Map.of()),
            new Endpoint("GET", "/admin/organisations", Map.of()),
            new Endpoint("GET", "/admin/organisations/{org}", Map.of()),
            new Endpoint("POST", "/admin/organisations/{org}/cycle", Map.of()),
            new Endpoint("POST", "/admin/organisations/{org}/pause", Map.of()),
            new Endpoint("POST", "/admin/organisations/{org}/resume", Map.of()),
            new Endpoint("POST", "/admin/organisations/{org}/live", Map.of()),
            new Endpoint("POST", "/admin/organisations/{org}/preview", Map.of()),
            new Endpoint("GET", "/admin/organisations/{org}/outbox?status={id}", Map.of()),
            new Endpoint("GET", "/admin/audit/invoices/{org}/{id}?limit={id}", Map.of()),
            new Endpoint("GET", "/admin/audit/customers/{org}/{id}", Map.of()),
            new Endpoint("GET", "/admin/documents?organisation={org}&customer={id}", Map.of()),
            new Endpoint("GET", "/admin/documents/{id}?format={id}", Map.of()),
            new Endpoint("POST", "/admin/organisations/{org}/holds", Map.of("scope", "text", "customerId", "text",
                    "invoiceId", "text", "reason", "text", "resumeOn", "date", "setBy", "text")),
            new Endpoint("GET", "/admin/organisations/{org}/holds", Map.of()),
            new Endpoint("DELETE", "/admin/organisations/{org}/holds/{id}", Map.of()),
            new Endpoint("PUT", "/admin/organisations/{org}/limitation", Map.of("years", "int", "warnDaysBefore", "int",
                    "setBy", "text")),
            new Endpoint("POST", "/admin/collections/invoices/{org}/{id}/dispute", Map.of("reason", "text", "raisedBy", "text")),
            new Endpoint("DELETE", "/admin/collections/invoices/{org}/{id}/dispute", Map.of("outcome", "text", "note", "text",
                    "resolvedBy", "text")),
            new Endpoint("POST", "/admin/collections/invoices/{org}/{id}/promise", Map.of("customerId", "text", "payBy", "date",
                    "amount", "amount", "currency", "text", "recordedBy", "text")),
            new Endpoint("DELETE", "/admin/collections/invoices/{org}/{id}/promise/{id}", Map.of()),
            new Endpoint("POST", "/admin/collections/customers/{org}/{id}/plans", Map.of("invoiceIds", "texts",
                    "currency", "text", "instalments", "instalments", "agreedBy", "text")),
            new Endpoint("GET", "/admin/collections/customers/{org}/{id}/plans", Map.of()),
            new Endpoint("DELETE", "/admin/collections/customers/{org}/{id}/plans/{id}", Map.of("reason", "text", "endedBy", "text")),
            new Endpoint("GET", "/admin/collections/customers/{org}/{id}/plans/{id}/terms", Map.of()),
            new Endpoint("POST", "/admin/collections/customers/{org}/{id}/contacts", Map.of("channel", "text", "at", "instant",
                    "invoiceId", "text", "note", "text", "recordedBy", "text")),
            new Endpoint("GET", "/admin/collections/customers/{org}/{id}/contacts", Map.of()),
            new Endpoint("POST", "/admin/quickbooks/authorisations", Map.of("policyId", "text", "displayName", "text")),
            new Endpoint("POST", "/admin/quickbooks/companies", Map.of("realmId", "text", "refreshToken", "text",
                    "policyId", "text", "displayName", "text", "timeZone", "text", "country", "text", "currency", "text")),
            new Endpoint("PUT", "/admin/quickbooks/companies/{org}/settings", Map.of("timeZone", "text", "lateFeeItemId", "text",
                    "lateFeeIncomeAccountId", "text", "chargeBesideLedgerLateFees", "bool")),
            new Endpoint("DELETE", "/admin/quickbooks/companies/{org}", Map.of()),
            new Endpoint("GET", "/admin/xero/connect?policy={id}", Map.of()),
            new Endpoint("POST", "/admin/xero/organisations", Map.of("refreshToken", "text", "tenantId", "text", "policy", "text")),
            new Endpoint("DELETE", "/admin/xero/organisations/{org}", Map.of()),
            new Endpoint("PUT", "/admin/xero/organisations/{org}/settings", Map.of("accountCode", "text", "taxType", "text",
                    "itemCode", "text", "approved", "bool", "chaseDespiteXeroReminders", "bool")));

    @Inject
    OrganisationStore organisations;

    private final Random random = new Random(SEED);
    private final List<String> organisationIds = new ArrayList<>();

    @Test
    void a_thousand_generated_requests_over_every_admin_endpoint_get_no_server_error_and_no_java_in_the_answer() {
        FuzzAnswers answers = new FuzzAnswers(RestAssured.port);
        for (int i = 0; i < REQUESTS; i++) {
            if (i % 100 == 0) {
                // A fresh pair now and then, so that what the fuzz itself stored never makes a listing large.
                organisationIds.add(newOrganisation(LedgerProvider.XERO));
                organisationIds.add(newOrganisation(LedgerProvider.QUICKBOOKS));
            }
            Endpoint endpoint = ENDPOINTS.get(i % ENDPOINTS.size());
            String path = fill(endpoint.path());
            String body = endpoint.method().equals("GET") ? null : body(endpoint.fields());
            answers.send(endpoint.method(), path, body, "Authorization", "Bearer " + TestOperator.TOKEN,
                    "Content-Type", random.nextInt(20) == 0 ? "text/plain" : "application/json");
        }
        assertThat(answers.sent()).isGreaterThanOrEqualTo(1_000);
        answers.assertClean();
        assertThat(answers.send("GET", "/admin/status", null, "Authorization",
                "Bearer " + TestOperator.TOKEN).statusCode()).isEqualTo(200);
    }

    private String newOrganisation(LedgerProvider provider) {
        return organisations.create(new NewOrganisation("Fuzz " + provider, provider, ZoneId.of("Europe/London"), "GB",
                Money.currency("GBP"), "default")).id().toString();
    }

    private String fill(String template) {
        String path = template;
        while (path.contains("{org}")) {
            path = path.replaceFirst("\\{org}", FuzzAnswers.encode(organisationId()));
        }
        while (path.contains("{id}")) {
            path = path.replaceFirst("\\{id}", FuzzAnswers.encode(id()));
        }
        return path;
    }

    private String organisationId() {
        return switch (random.nextInt(6)) {
            case 0 -> UUID.randomUUID().toString();
            case 1 -> FuzzAnswers.nastyText(random);
            default -> organisationIds.get(organisationIds.size() - 1 - random.nextInt(2));
        };
    }

    private String id() {
        return switch (random.nextInt(5)) {
            case 0 -> UUID.randomUUID().toString();
            case 1 -> FuzzAnswers.nastyText(random);
            case 2 -> Integer.toString(random.nextInt(1000) - 10);
            default -> "INV-" + random.nextInt(5);
        };
    }

    private String body(Map<String, String> fields) {
        switch (random.nextInt(25)) {
            case 0 -> {
                return "null";
            }
            case 1 -> {
                return "{not json";
            }
            case 2 -> {
                return "[1,2,3]";
            }
            default -> {
                // fall through to a generated object
            }
        }
        StringBuilder json = new StringBuilder("{");
        List<String> names = new ArrayList<>(fields.keySet());
        names.add("unexpected");
        for (String name : names) {
            if (random.nextInt(5) == 0) {
                continue;
            }
            json.append(json.length() > 1 ? "," : "").append(quote(name)).append(':')
                    .append(value(fields.getOrDefault(name, "text")));
        }
        return json.append('}').toString();
    }

    private String value(String kind) {
        int roll = random.nextInt(10);
        if (roll == 0) {
            return "null";
        }
        if (roll == 1) {
            return wrongType();
        }
        return switch (kind) {
            case "date" -> quote(date());
            case "instant" -> quote(date() + "T10:00:00Z");
            case "amount", "int" -> number();
            case "bool" -> random.nextBoolean() ? "true" : "\"yes\"";
            case "texts" -> "[" + quote(FuzzAnswers.nastyText(random)) + "," + quote(id()) + "]";
            case "instalments" -> "[{\"dueOn\":" + quote(date()) + ",\"amount\":" + number() + "}," + value("date") + "]";
            default -> quote(random.nextInt(3) == 0 ? id() : FuzzAnswers.nastyText(random));
        };
    }

    private String wrongType() {
        return switch (random.nextInt(4)) {
            case 0 -> "[]";
            case 1 -> "{\"a\":1}";
            case 2 -> "true";
            default -> "12";
        };
    }

    private String date() {
        return switch (random.nextInt(8)) {
            case 0 -> "+5000000-01-01";
            case 1 -> "0000-01-01";
            case 2 -> "1999-12-31";
            case 3 -> "2025-02-30";
            case 4 -> "-0001-01-01";
            case 5 -> "someday";
            default -> "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
        };
    }

    private String number() {
        return switch (random.nextInt(9)) {
            case 0 -> "1e-999999999";
            case 1 -> "1e30";
            case 2 -> "1e308";
            case 3 -> "-1";
            case 4 -> "0";
            case 5 -> "99999999999999999999999";
            case 6 -> "0.000001";
            case 7 -> "\"12.50\"";
            default -> Integer.toString(1 + random.nextInt(500));
        };
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
