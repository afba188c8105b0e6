package dev.arrears.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The floor of a first cycle: the same invoice pages fetched from the sandbox (the requests Arrears'
 * first cycle made, replayed with a token of their own) and the same rows stored in PostgreSQL with
 * one multi-row upsert per page, nothing else: no decisions, outbox, audit or bookkeeping. Arrears'
 * first cycle is reported as a multiple of it. The rows go to a table of their own
 * ({@code bench_floor_invoice}, shaped like {@code invoice}), in the benchmark's database.
 */
final class FloorRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One recorded page request of Arrears' first cycle. */
    record PageRequest(long seq, String provider, String org, String path, String query) {
    }

    record Result(Duration wall, long pages, long rows) {
    }

    private final SandboxControl sandbox;
    private final String baseUrl;
    private final DataSource database;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    FloorRun(SandboxControl sandbox, String baseUrl, DataSource database) {
        this.sandbox = sandbox;
        this.baseUrl = baseUrl;
        this.database = database;
    }

    /**
     * @param requests     the page requests by sandbox organisation, in the order they were made
     * @param organisation Arrears' organisation id of each sandbox organisation (the rows carry it)
     */
    Result run(Map<String, List<PageRequest>> requests, Map<String, String> organisation, int threads) throws Exception {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_floor_invoice");
            s.execute("create table bench_floor_invoice (like invoice including defaults)");
            s.execute("alter table bench_floor_invoice add unique (organisation_id, provider_invoice_id)");
        }
        AtomicLong pages = new AtomicLong();
        AtomicLong rows = new AtomicLong();
        long start = System.nanoTime();   // elapsed time on the monotonic timer
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            requests.forEach((org, list) -> futures.add(pool.submit(() -> {
                String token = String.valueOf(sandbox.control("POST", "/_sandbox/grants",
                        JSON.writeValueAsString(Map.of("org", org))).get("access_token"));
                UUID id = UUID.fromString(organisation.get(org));
                for (PageRequest request : list) {
                    List<Row> page = fetch(request, token);
                    store(id, page);
                    pages.incrementAndGet();
                    rows.addAndGet(page.size());
                }
                return null;
            })));
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Result(Duration.ofNanos(System.nanoTime() - start), pages.get(), rows.get());
    }

    private record Row(String id, String number, String customerId, String customerName, String currency, String issueDate,
                       String dueDate, String total, String amountDue, String status, String updatedAt, String raw) {
    }

    private List<Row> fetch(PageRequest request, String token) throws IOException, InterruptedException {
        String url = baseUrl + request.path() + (request.query() == null || request.query().isEmpty() ? "" : "?" + request.query());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET();
        if (request.provider().equalsIgnoreCase("xero")) {
            b.header("xero-tenant-id", request.org());
        }
        HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("floor: " + request + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        List<Row> out = new ArrayList<>();
        if (request.provider().equalsIgnoreCase("xero")) {
            for (JsonNode i : body.path("Invoices")) {
                out.add(new Row(i.path("InvoiceID").asText(), i.path("InvoiceNumber").asText(null),
                        i.path("Contact").path("ContactID").asText(), i.path("Contact").path("Name").asText(null),
                        i.path("CurrencyCode").asText(), xeroDate(i.path("Date").asText(null)), xeroDate(i.path("DueDate").asText(null)),
                        i.path("Total").asText(), i.path("AmountDue").asText(), i.path("Status").asText(),
                        xeroInstant(i.path("UpdatedDateUTC").asText()), i.toString()));
            }
        } else {
            for (JsonNode i : body.path("QueryResponse").path("Invoice")) {
                out.add(new Row(i.path("Id").asText(), i.path("DocNumber").asText(null), i.path("CustomerRef").path("value").asText(),
                        i.path("CustomerRef").path("name").asText(null), i.path("CurrencyRef").path("value").asText("USD"),
                        i.path("TxnDate").asText(null), i.path("DueDate").asText(null), i.path("TotalAmt").asText(),
                        i.path("Balance").asText(), "OPEN", i.path("MetaData").path("LastUpdatedTime").asText(), i.toString()));
            }
        }
        return out;
    }

    private static String xeroDate(String msDate) {
        if (msDate == null) {
            return null;
        }
        return LocalDate.ofInstant(Instant.ofEpochMilli(millis(msDate)), ZoneOffset.UTC).toString();
    }

    private static String xeroInstant(String msDate) {
        return Instant.ofEpochMilli(millis(msDate)).toString();
    }

    /** {@code /Date(1700000000000+0000)/}: the milliseconds. */
    private static long millis(String msDate) {
        int open = msDate.indexOf('(');
        int end = open + 1;
        while (end < msDate.length() && (Character.isDigit(msDate.charAt(end)) || (end == open + 1 && msDate.charAt(end) == '-'))) {
            end++;
        }
        return Long.parseLong(msDate.substring(open + 1, end));
    }

    private void store(UUID organisation, List<Row> page) throws SQLException {
        if (page.isEmpty()) {
            return;
        }
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement("""
                insert into bench_floor_invoice (id, organisation_id, provider_invoice_id, number, customer_id, customer_name,
                    currency, issue_date, due_date, total, amount_due, status, provider_updated_at, raw_payload, created_at, updated_at)
                select gen_random_uuid(), ?, u.pid, u.number, u.customer_id, u.customer_name, u.currency,
                       cast(u.issue_date as date), cast(u.due_date as date), cast(u.total as numeric), cast(u.amount_due as numeric),
                       u.status, cast(u.updated as timestamptz), cast(u.raw as jsonb), now(), now()
                from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                            cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                            cast(? as text[]), cast(? as text[]))
                    as u(pid, number, customer_id, customer_name, currency, issue_date, due_date, total, amount_due, status, updated, raw)
                on conflict (organisation_id, provider_invoice_id) do update set
                    number = excluded.number, customer_id = excluded.customer_id, customer_name = excluded.customer_name,
                    currency = excluded.currency, issue_date = excluded.issue_date, due_date = excluded.due_date,
                    total = excluded.total, amount_due = excluded.amount_due, status = excluded.status,
                    provider_updated_at = excluded.provider_updated_at, raw_payload = excluded.raw_payload,
                    updated_at = excluded.updated_at""")) {
            s.setObject(1, organisation);
            int i = 2;
            s.setArray(i++, c.createArrayOf("text", page.stream().map(Row::id).toArray()));
            s.setArray(i++, c.createArrayOf("text", page.stream().map(Row::number).toArray()));
            s.setArray(i++, c.createArrayOf("text", page.stream().map(Row::customerId).toArray()));
            s.setArray(i++, c.createArrayOf("text", page.stream().map(Row::customerName).toArray()));
            s.setArray(i++, c.createArrayOf("text", page.stream().map(Row::currency).toArray()));
            s.setArray(i++, c.createArrayOf("text", page.stream().map(Row::issueDate).toArray()));
            s.setArray(i++, c.createArrayOf("text", page.stream().map(Row::dueDate).toArray()));
            s.setArray(i++, c.createArrayOf("text", page.stream().map(Row::total).toArray()));
            s.setArray(i++, c.createArrayOf("text", page.stream().map(Row::amountDue).toArray()));
            s.setArray(i++, c.createArrayOf("text", page.stream().map(Row::status).toArray()));
            s.setArray(i++, c.createArrayOf("text", page.stream().map(Row::updatedAt).toArray()));
            s.setArray(i, c.createArrayOf("text", page.stream().map(Row::raw).toArray()));
            s.executeUpdate();
        }
    }
}
